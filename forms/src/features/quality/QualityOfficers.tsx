/** The information-officer roster: staffing per unit (required, actual, missing), adding and removing officers. */
import { useEffect, useState } from 'react';
import { orgUnitKindLabels } from '#domain/org/org.schema.ts';
import type { OfficerStaffing } from '#domain/quality/quality.api.ts';
import { infoOfficerCreateSchema, infoOfficerRemoveSchema } from '#domain/quality/quality.schema.ts';
import type { ResponseOf } from '#domain/system/api.ts';
import { call } from '../../lib/api.ts';
import QualityForm from './QualityForm.tsx';

/** A unit's staffing, and an officer as the roster's ledger lists them. */
type UnitRow = OfficerStaffing['units'][number];
type Officer = ResponseOf<'listInfoOfficers'>['items'][number];
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export default function QualityOfficers() {
  const [round, setRound] = useState(0);
  const [units, setUnits] = useState<UnitRow[] | null>(null);
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [removing, setRemoving] = useState<Officer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('officerStaffing').then((r) => (r.ok ? setUnits(r.data.units) : setError(r.error.message)));
    void call('listInfoOfficers', { query: { status: 'active', pageSize: 500 } }).then(
      (r) => r.ok && setOfficers(r.data.items),
    );
  }, [round]);
  const refresh = () => {
    setRemoving(null);
    setRound((n) => n + 1);
  };
  return (
    <>
      {error && <div className="banner err">{error}</div>}
      <h2>配备情况</h2>
      <p className="hint">县直单位、镇（街道）、社区不少于 2 名，行政村不少于 1 名。</p>
      {!units && !error && <p className="hint">正在加载…</p>}
      {units && (
        <div style={{ overflowX: 'auto' }}>
          <table>
            <thead>
              <tr>
                <th>单位</th>
                <th>应配</th>
                <th>实配</th>
                <th>缺额</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.unitId} style={u.missing ? { color: 'var(--err)' } : undefined}>
                  <td>
                    {u.unitName}
                    <span className="hint"> {orgUnitKindLabels[u.kind]}</span>
                  </td>
                  <td style={{ textAlign: 'right' }}>{u.required}</td>
                  <td style={{ textAlign: 'right' }}>{u.actual}</td>
                  <td style={{ textAlign: 'right' }}>{u.missing ? `缺 ${u.missing}` : '达标'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>在岗信息员</h2>
      <ul style={{ paddingLeft: 20 }}>
        {officers.map((o) => (
          <li key={o.id} style={{ marginBottom: 8 }}>
            {o.name}（{o.unitId}，{o.phone}）{' '}
            <button type="button" className="secondary" onClick={() => setRemoving(o)}>
              调出名册
            </button>
          </li>
        ))}
      </ul>
      {removing && (
        <section className="card" aria-label="调出名册">
          <h2>将 {removing.name} 调出名册</h2>
          <QualityForm
            key={removing.id}
            form="quality-officer-remove"
            route="removeInfoOfficer"
            params={{ id: removing.id }}
            schema={infoOfficerRemoveSchema}
            initial={{ endedOn: today(), reason: '' }}
            fields={[
              { name: 'endedOn', label: '调整日期', kind: 'date' },
              { name: 'reason', label: '原因', kind: 'text' },
            ]}
            toBody={(v) => ({ ...v, expectedVersion: removing.version })}
            label={() => `${removing.name} 调出名册`}
            submitText="确认调出"
            onSaved={refresh}
          />
        </section>
      )}
      <details className="card">
        <summary>
          <strong>增加信息员</strong>
        </summary>
        <QualityForm
          form="quality-officer"
          route="addInfoOfficer"
          schema={infoOfficerCreateSchema}
          initial={{ unitId: '', name: '', phone: '', startedOn: today() }}
          fields={[
            {
              name: 'unitId',
              label: '单位',
              kind: 'select',
              options: (units ?? []).map((u) => ({
                value: u.unitId,
                label: `${u.unitName}（${orgUnitKindLabels[u.kind]}）`,
              })),
            },
            { name: 'name', label: '姓名', kind: 'text' },
            { name: 'phone', label: '电话', kind: 'text' },
            { name: 'startedOn', label: '任职日期', kind: 'date' },
          ]}
          toBody={(v) => v}
          label={(v) => `${v.name} 加入名册`}
          submitText="加入名册"
          onSaved={refresh}
        />
      </details>
    </>
  );
}
