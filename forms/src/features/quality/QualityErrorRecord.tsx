/** One error record: what is wrong, closing it with the fix, and its history. */
import { useCallback, useEffect, useState } from 'react';
import {
  dataErrorCloseSchema,
  errorStatusLabels,
  foundByLabels,
  infoKindLabels,
  type DataError,
} from '#domain/quality/quality.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { call } from '../../lib/api.ts';
import QualityForm from './QualityForm.tsx';
import RecordHistory from '../shell/RecordHistory.tsx';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const labels = { status: '状态', rightValue: '正确值', fixedOn: '修正日期', fixNote: '修正说明' };

export default function QualityErrorRecord() {
  const id =
    typeof window === 'undefined' ? '' : (new URLSearchParams(window.location.search).get('id') ?? '');
  const [rec, setRec] = useState<StoredRecord<DataError> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const load = useCallback(async () => {
    const res = await call('dataErrorHistory', { params: { id } });
    if (res.ok) setRec(res.data.record);
    else setError(res.error.message);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load, round]);
  if (error) return <div className="banner err">{error}</div>;
  if (!rec) return <p className="hint">正在加载…</p>;
  const d = rec.data;
  return (
    <>
      <div className="card">
        <p>
          <strong>{errorStatusLabels[d.status]}</strong> · {infoKindLabels[d.infoKind]} ·{' '}
          {foundByLabels[d.foundBy]} · {d.foundOn}
        </p>
        <p>
          户 {d.householdId}
          {d.personName ? ` · ${d.personName}` : ''} · {d.field}：{d.wrongValue}
          {d.rightValue ? ` → ${d.rightValue}` : ''}
        </p>
        {d.note && <p className="hint">{d.note}</p>}
      </div>
      {d.status === 'open' && (
        <section className="card" aria-label="修正关闭">
          <h2>修正后关闭</h2>
          <QualityForm
            key={rec.version}
            form="quality-error-close"
            route="closeDataError"
            params={{ id: rec.id }}
            schema={dataErrorCloseSchema}
            initial={{ rightValue: d.rightValue ?? '', fixedOn: today(), fixNote: '' }}
            fields={[
              { name: 'rightValue', label: '正确值', kind: 'text' },
              { name: 'fixedOn', label: '修正日期', kind: 'date' },
              { name: 'fixNote', label: '修正说明', kind: 'textarea', hint: '在哪个系统、如何修正' },
            ]}
            toBody={(v) => ({ ...v, expectedVersion: rec.version })}
            label={() => `关闭错误 ${d.householdId} ${d.field}`}
            submitText="确认已修正"
            onSaved={() => setRound((n) => n + 1)}
          />
        </section>
      )}
      <RecordHistory key={round} route="dataErrorHistory" params={{ id: rec.id }} labels={labels} />
    </>
  );
}
