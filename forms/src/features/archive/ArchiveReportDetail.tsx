/** One archived report: what it is, its fingerprints, and its delivery to each recipient. */
import { useEffect, useState } from 'react';
import { reportPeriodText } from '#domain/delivery/report-period.ts';
import type { ResponseOf } from '#domain/system/api.ts';
import { call } from '../../lib/api.ts';
import { sizeLabel, statusLabels, when } from './ArchiveShared.tsx';

export default function ArchiveReportDetail() {
  const [data, setData] = useState<ResponseOf<'getArchivedReport'> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id') ?? '';
    void call('getArchivedReport', { params: { id } }).then((res) =>
      res.ok ? setData(res.data) : setError(res.error.message),
    );
  }, []);
  if (error)
    return (
      <p className="banner err" role="alert">
        {error}
      </p>
    );
  if (!data) return <p className="hint">正在读取…</p>;
  const { report: r, deliveries } = data;
  return (
    <div>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{r.title}</h2>
        <div className="hint">
          {r.kindLabel} · {reportPeriodText(r.kind, r.period)} · {r.scopeLabel} · 生成于 {when(r.generatedAt)}
        </div>
        <p style={{ wordBreak: 'break-all', fontSize: 13 }}>
          PDF（{sizeLabel(r.pdf.bytes)}）SHA-256：<code>{r.pdf.sha256}</code>
          <br />
          输入数据 {r.inputRecords} 条，SHA-256：<code>{r.inputSha256}</code>
        </p>
      </div>
      <h2>投递情况</h2>
      {deliveries.length === 0 ? (
        <p className="hint">尚无投递记录。</p>
      ) : (
        <ul aria-label="收件人" style={{ listStyle: 'none', padding: 0 }}>
          {deliveries.map((d) => (
            <li key={d.recipient} className="card">
              <strong>{d.recipientName || d.recipient}</strong> <span className="hint">{d.recipient}</span>
              <div className={d.status === 'sent' ? '' : 'error'}>
                {statusLabels[d.status]}
                {d.sentAt ? ` · ${when(d.sentAt)}${d.via === 'link' ? '（以下载链接发送）' : ''}` : ''} · 尝试{' '}
                {d.attempts} 次
              </div>
              {d.nextAttemptAt && <div className="hint">下次重试：{when(d.nextAttemptAt)}</div>}
              {d.lastError && d.status !== 'sent' && <div className="hint">原因：{d.lastError}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
