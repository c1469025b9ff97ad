/**
 * The archive for auditors: search by kind, month, town and title text; each report
 * with its delivery status; download through a link valid for minutes (every
 * download is recorded in the audit trail).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { reportKindLabels, reportKinds } from '#domain/org/staff.schema.ts';
import { reportPeriodText } from '#domain/delivery/report-period.ts';
import { quarterLabel } from '#domain/shared/period.ts';
import type { ReportItem } from '#domain/delivery/archive.api.ts';
import { call, type Query } from '../../lib/api.ts';
import { countsLabel, when } from './ArchiveShared.tsx';

interface Filters {
  kind: string;
  period: string;
  quarter: string;
  scope: string;
  q: string;
}

const empty: Filters = { kind: '', period: '', quarter: '', scope: '', q: '' };

/** This year's and last year's quarters, newest first (`2026-Q4`…). */
function recentQuarters(now = new Date()): string[] {
  const y = now.getFullYear();
  return [y, y - 1].flatMap((year) => [4, 3, 2, 1].map((q) => `${year}-Q${q}`));
}

function queryOf(f: Filters, cursor?: string): Query {
  // A quarter, when chosen, is the period searched; else the month.
  const { quarter, ...rest } = f;
  if (quarter) rest.period = quarter;
  const q: Query = {};
  for (const [k, v] of Object.entries(rest)) if (v) q[k] = v;
  if (cursor) q.cursor = cursor;
  return q;
}

export default function ArchiveSearch() {
  const [filters, setFilters] = useState<Filters>(empty);
  const [items, setItems] = useState<ReportItem[] | null>(null);
  const [cursor, setCursor] = useState<string | undefined>();
  const [scopes, setScopes] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const load = useCallback(async (f: Filters, after?: string) => {
    setError('');
    const res = await call('searchArchive', { query: queryOf(f, after) });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setItems((prev) => (after && prev ? [...prev, ...res.data.items] : res.data.items));
    setCursor(res.data.cursor);
    setScopes((prev) => {
      const next = new Map(prev);
      for (const r of res.data.items) next.set(r.scope, r.scopeLabel);
      return next;
    });
  }, []);

  useEffect(() => {
    void load(empty);
  }, [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(filters);
  };

  const download = async (r: ReportItem, file: 'pdf' | 'xlsx') => {
    setStatus('');
    const res = await call('downloadArchivedReport', { params: { id: r.reportId }, query: { file } });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setStatus(`正在下载：${res.data.filename}（已记入下载记录）`);
    window.location.assign(res.data.url);
  };

  // The value is read at the event, not in the updater: the event is done with by then.
  const set =
    (k: keyof Filters) =>
    ({ currentTarget: { value } }: { currentTarget: { value: string } }) =>
      setFilters((f) => ({ ...f, [k]: value }));

  return (
    <div>
      <form onSubmit={submit} className="card" aria-label="查找报告">
        <div className="row2">
          <div>
            <label htmlFor="a-kind">报告类别</label>
            <select id="a-kind" value={filters.kind} onChange={set('kind')}>
              <option value="">全部</option>
              {reportKinds.map((k) => (
                <option key={k} value={k}>
                  {reportKindLabels[k]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="a-period">报告月份</label>
            <input id="a-period" type="month" value={filters.period} onChange={set('period')} />
            <div className="hint">含该月的周报、提醒函和逢四研事汇总</div>
          </div>
          <div>
            <label htmlFor="a-quarter">或季度</label>
            <select id="a-quarter" value={filters.quarter} onChange={set('quarter')}>
              <option value="">—</option>
              {recentQuarters().map((q) => (
                <option key={q} value={q}>
                  {quarterLabel(q)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor="a-scope">范围（全县或镇/街道）</label>
        <select id="a-scope" value={filters.scope} onChange={set('scope')}>
          <option value="">全部</option>
          {[...scopes].map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="a-q">标题关键词</label>
        <input id="a-q" type="search" value={filters.q} onChange={set('q')} placeholder="如：东岭镇" />
        <button type="submit" className="primary">
          查找
        </button>
      </form>
      {error && (
        <p className="banner err" role="alert">
          {error}
        </p>
      )}
      {status && (
        <p className="banner ok" role="status">
          {status}
        </p>
      )}
      {items && (
        <p className="hint">
          {items.length ? `共找到 ${items.length}${cursor ? '+' : ''} 份报告` : '没有符合条件的报告'}
        </p>
      )}
      <ul aria-label="报告列表" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items?.map((r) => (
          <li key={r.reportId} className="card" aria-label={r.title}>
            <strong>{r.title}</strong>
            <div className="hint">
              {r.kindLabel} · {reportPeriodText(r.kind, r.period)} · {r.scopeLabel}
            </div>
            <div className="hint">
              生成于 {when(r.generatedAt)} · {r.pages ? `${r.pages} 页` : 'PDF'}
            </div>
            <div
              className={
                r.deliveryCounts && (r.deliveryCounts.failed || r.deliveryCounts.abandoned) ? 'error' : 'hint'
              }
            >
              投递：{countsLabel(r.deliveryCounts)}
            </div>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
              <button
                type="button"
                className="secondary"
                onClick={() => void download(r, 'pdf')}
                aria-label={`下载PDF：${r.title}`}
              >
                下载 PDF
              </button>
              {r.xlsx && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void download(r, 'xlsx')}
                  aria-label={`下载Excel：${r.title}`}
                >
                  下载 Excel
                </button>
              )}
              <a
                className="secondary"
                href={`/archive/report/?id=${encodeURIComponent(r.reportId)}`}
                style={{ padding: '10px 4px' }}
              >
                详情与投递情况
              </a>
            </div>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" className="secondary" onClick={() => void load(filters, cursor)}>
          加载更多
        </button>
      )}
    </div>
  );
}
