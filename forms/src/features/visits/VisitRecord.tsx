/** One visit: what was recorded, the problems it opened, and its history. */
import { useEffect, useState } from 'react';
import type { StoredRecord } from '#domain/records/record.ts';
import { visitTargetKindLabels, type VisitData } from '#domain/visits/visit.schema.ts';
import { call } from '../../lib/api.ts';
import RecordHistory from '../shell/RecordHistory.tsx';

/** Label and value side by side: the record reads as a form on a phone. */
const factsStyle = {
  display: 'grid',
  gridTemplateColumns: '5.5em 1fr',
  gap: '6px 8px',
  margin: '12px 0',
} as const;

export default function VisitRecord() {
  const [id, setId] = useState<string | null>(null);
  const [record, setRecord] = useState<StoredRecord<VisitData> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = new URLSearchParams(location.search).get('id');
    setId(q);
    if (!q) return setError('缺少记录编号');
    void call('visitHistory', { params: { id: q } }).then((res) => {
      if (res.ok) setRecord(res.data.record);
      else setError(res.error.message);
    });
  }, []);
  if (error) return <div className="banner err">{error}</div>;
  if (!record || !id) return <p className="hint">正在加载…</p>;
  const d = record.data;
  return (
    <>
      <dl className="card" style={factsStyle}>
        <dt style={{ color: 'var(--muted)' }}>走访日期</dt>
        <dd style={{ margin: 0 }}>{d.date}</dd>
        <dt style={{ color: 'var(--muted)' }}>走访人</dt>
        <dd style={{ margin: 0 }}>{d.visitor.name}</dd>
        {d.visitor.enteredBy && (
          <>
            <dt style={{ color: 'var(--muted)' }}>代为录入</dt>
            <dd style={{ margin: 0 }}>{d.visitor.enteredBy.name}</dd>
          </>
        )}
        <dt style={{ color: 'var(--muted)' }}>走访对象</dt>
        <dd style={{ margin: 0 }}>
          {d.target.name}（{visitTargetKindLabels[d.target.kind]}）
        </dd>
        <dt style={{ color: 'var(--muted)' }}>驻村过夜</dt>
        <dd style={{ margin: 0 }}>{d.overnightStay ? '是' : '否'}</dd>
        <dt style={{ color: 'var(--muted)' }}>走访情况</dt>
        <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.findings}</dd>
      </dl>
      <h2>发现的问题</h2>
      {d.problemIds.length === 0 ? (
        <p className="hint">本次走访未发现问题。</p>
      ) : (
        <ul>
          {d.problemIds.map((p, i) => (
            <li key={p}>
              <a href={`/visits/problem/?id=${encodeURIComponent(p)}`}>问题 {i + 1}（查看整改情况）</a>
            </li>
          ))}
        </ul>
      )}
      <RecordHistory route="visitHistory" params={{ id }} />
    </>
  );
}
