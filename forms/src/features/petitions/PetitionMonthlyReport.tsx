/** The monthly report form (月报表): one line per town and the total, for a chosen month, with XLSX export. */
import { useEffect, useState } from 'react';
import type { PetitionMonthlyForm } from '#domain/petitions/petition.api.ts';
import { call, download } from '../../lib/api.ts';
import { todayShanghai } from './PetitionFormKit.tsx';

type Row = PetitionMonthlyForm['items'][number];

const cols: [keyof Row, string][] = [
  ['received', '受理'],
  ['immediate', '即办'],
  ['assigned', '交办'],
  ['deadline', '限期办'],
  ['monitoringReview', '监测研判'],
  ['concluded', '办结'],
  ['resolved', '解决'],
  ['onTimeRate', '按期率'],
  ['overdue', '逾期'],
  ['callbacks', '回访'],
  ['opinions', '舆情'],
];

export default function PetitionMonthlyReport() {
  const [month, setMonth] = useState(() => todayShanghai().slice(0, 7));
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    void call('petitionMonthlyReport', { query: { month } }).then((r) =>
      r.ok ? (setRows(r.data.items), setError(null)) : setError(r.error.message),
    );
  }, [month]);
  const exportXlsx = async () => {
    const failed = await download(
      'exportPetitionMonthlyReport',
      { query: { month } },
      `信访舆情月报表（${month}）.xlsx`,
    );
    if (failed) setError(failed);
  };
  const cell = (r: Row, k: keyof Row) =>
    k === 'onTimeRate' ? (r.onTimeRate === null ? '—' : `${(r.onTimeRate * 100).toFixed(1)}%`) : String(r[k]);
  return (
    <section aria-label="月报表">
      <label htmlFor="month">月份</label>
      <input id="month" type="month" value={month} onChange={(e) => setMonth(e.currentTarget.value)} />
      <button type="button" className="secondary" style={{ marginTop: 12 }} onClick={() => void exportXlsx()}>
        导出 Excel
      </button>
      {error && <div className="banner err">{error}</div>}
      {!rows && !error && <p className="hint">正在加载…</p>}
      {rows && (
        <div style={{ overflowX: 'auto', marginTop: 12 }}>
          <table>
            <thead>
              <tr>
                <th>镇/街道</th>
                {cols.map(([, h]) => (
                  <th key={h} style={{ textAlign: 'right' }}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.townId} style={r.townId === 'TOTAL' ? { fontWeight: 700 } : undefined}>
                  <td style={{ whiteSpace: 'nowrap' }}>{r.townName}</td>
                  {cols.map(([k]) => (
                    <td
                      key={k}
                      style={{
                        textAlign: 'right',
                        color: k === 'overdue' && r.overdue > 0 ? 'var(--err)' : undefined,
                      }}
                    >
                      {cell(r, k)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
