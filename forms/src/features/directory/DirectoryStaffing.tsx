/** Information-officer staffing: the units below the requirement (2 per department, town and community; 1 per village). */
import { useEffect, useState } from 'react';
import type { DirectoryStaffing as Staffing } from '#domain/directory/directory.api.ts';
import { call, download } from '../../lib/api.ts';

export default function DirectoryStaffing() {
  const [d, setD] = useState<Staffing | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('directoryStaffing').then((r) => (r.ok ? setD(r.data) : setError(r.error.message)));
  }, []);
  if (error)
    return (
      <p className="banner err" role="alert">
        {error}
      </p>
    );
  if (!d) return <p className="hint">正在加载…</p>;
  return (
    <>
      <div className="figures">
        <div className="figure">
          <div className="v">{d.shortfalls.length}</div>
          <div className="k">配备不足的单位</div>
        </div>
        <div className="figure">
          <div className="v">
            {d.compliant}/{d.units}
          </div>
          <div className="k">达标单位</div>
        </div>
      </div>
      <p className="hint">要求：县直单位、镇/街道、社区各至少 2 名信息员，行政村至少 1 名。只计在岗人员。</p>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void download('directoryExport', { query: { list: 'staffing' } }, '信息员配备不足单位.xlsx').then(
            setError,
          )
        }
      >
        导出 Excel
      </button>
      <table aria-label="配备不足的单位" style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th>单位</th>
            <th>应配</th>
            <th>实有</th>
            <th>缺</th>
          </tr>
        </thead>
        <tbody>
          {d.shortfalls.map((r) => (
            <tr key={r.unitId}>
              <td>
                {r.unitName}
                <div className="hint">
                  {r.kind}
                  {r.townName && r.townName !== r.unitName ? ` · ${r.townName}` : ''}
                </div>
              </td>
              <td>{r.required}</td>
              <td>{r.actual}</td>
              <td style={{ color: 'var(--err)', fontWeight: 700 }}>{r.missing}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
