/** The audit trail of archive downloads: who downloaded what, when and how (archive or emailed link); exportable as Excel. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { roleLabels, type Role } from '#domain/auth/roles.ts';
import { downloadViaLabels, type DownloadAuditEntry } from '#domain/delivery/archive.schema.ts';
import { call } from '../../lib/api.ts';
import { saveBase64, when } from './ArchiveShared.tsx';

export default function ArchiveAudit() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [items, setItems] = useState<DownloadAuditEntry[] | null>(null);
  const [error, setError] = useState('');
  const qs = useCallback(
    (format: 'json' | 'xlsx') => ({ from: from || undefined, to: to || undefined, format }),
    [from, to],
  );
  const load = useCallback(async () => {
    setError('');
    const res = await call('listArchiveDownloads', { query: qs('json') });
    if (!res.ok) setError(res.error.message);
    else if ('items' in res.data) setItems(res.data.items);
  }, [qs]);
  // The whole trail on first show; later loads follow the form.
  const [first] = useState(() => load);
  useEffect(() => {
    void first();
  }, [first]);
  const exportXlsx = async () => {
    const res = await call('listArchiveDownloads', { query: qs('xlsx') });
    if (!res.ok) setError(res.error.message);
    else if ('content' in res.data) saveBase64(res.data.filename, res.data.contentType, res.data.content);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load();
  };
  return (
    <div>
      <form className="card" onSubmit={submit} aria-label="筛选下载记录">
        <div className="row2">
          {/* Native date inputs have a wide minimum; let the grid cells shrink to the phone's width. */}
          <div style={{ minWidth: 0 }}>
            <label htmlFor="au-from">起始日期</label>
            <input
              id="au-from"
              type="date"
              style={{ minWidth: 0 }}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
          </div>
          <div style={{ minWidth: 0 }}>
            <label htmlFor="au-to">截止日期</label>
            <input
              id="au-to"
              type="date"
              style={{ minWidth: 0 }}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
          </div>
        </div>
        <button type="submit" className="primary">
          查询
        </button>
        <button
          type="button"
          className="secondary"
          style={{ width: '100%', marginTop: 8 }}
          onClick={() => void exportXlsx()}
        >
          导出 Excel
        </button>
      </form>
      {error && (
        <p className="banner err" role="alert">
          {error}
        </p>
      )}
      {items && (
        <p className="hint">{items.length ? `共 ${items.length} 条下载记录` : '该时段没有下载记录'}</p>
      )}
      <ul aria-label="下载记录" style={{ listStyle: 'none', padding: 0 }}>
        {items?.map((e) => (
          <li key={e.id} className="card">
            <strong>{e.title}</strong>（{e.file.toUpperCase()}）
            <div className="hint">
              {when(e.at)} · {e.userName}（{roleLabels[e.role as Role] ?? (e.role || '邮件收件人')}） ·{' '}
              {downloadViaLabels[e.via] ?? downloadViaLabels.archive}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
