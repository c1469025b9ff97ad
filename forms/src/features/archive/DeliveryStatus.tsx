/** Delivery status for the county office: each report of a month and each recipient, failures first. */
import { useCallback, useEffect, useState } from 'react';
import { addMonths, reportingPeriodAt } from '#domain/shared/period.ts';
import type { DeliveryItem, DeliveryStatusName } from '#domain/delivery/archive.api.ts';
import { call } from '../../lib/api.ts';
import { statusLabels, when } from './ArchiveShared.tsx';

const order: Record<DeliveryStatusName, number> = { abandoned: 0, failed: 1, sending: 2, sent: 3 };

export default function DeliveryStatus() {
  const [period, setPeriod] = useState(() => reportingPeriodAt(new Date()));
  const [status, setStatus] = useState('');
  const [items, setItems] = useState<(DeliveryItem & { title: string })[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    const res = await call('listDeliveries', { query: { period, status: status || undefined } });
    if (res.ok)
      setItems(
        [...res.data.items].sort(
          (a, b) => order[a.status] - order[b.status] || a.reportId.localeCompare(b.reportId),
        ),
      );
    else setError(res.error.message);
  }, [period, status]);
  useEffect(() => {
    void load();
  }, [load]);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(reportingPeriodAt(new Date()), -i));
  const bad = items?.filter((d) => d.status === 'failed' || d.status === 'abandoned').length ?? 0;
  return (
    <div>
      <div className="card row2">
        <div>
          <label htmlFor="d-period">报告月份</label>
          <select id="d-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="d-status">投递状态</label>
          <select id="d-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">全部</option>
            {(Object.keys(statusLabels) as DeliveryStatusName[]).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="banner err" role="alert">
          {error}
        </p>
      )}
      {items && (
        <p className={bad ? 'banner warn' : 'hint'}>
          共 {items.length} 条投递{bad ? `，其中 ${bad} 条失败，请核实收件人邮箱` : ''}
        </p>
      )}
      <ul aria-label="投递列表" style={{ listStyle: 'none', padding: 0 }}>
        {items?.map((d) => (
          <li key={`${d.reportId}#${d.recipient}`} className="card">
            <strong>{d.recipientName || d.recipient}</strong> <span className="hint">{d.recipient}</span>
            <div className="hint">{d.title}</div>
            <div className={d.status === 'sent' ? '' : 'error'}>
              {statusLabels[d.status]} · {d.sentAt ? when(d.sentAt) : when(d.updatedAt)} · 尝试 {d.attempts}{' '}
              次
            </div>
            {d.nextAttemptAt && <div className="hint">下次重试：{when(d.nextAttemptAt)}</div>}
            {d.lastError && d.status !== 'sent' && <div className="hint">原因：{d.lastError}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
