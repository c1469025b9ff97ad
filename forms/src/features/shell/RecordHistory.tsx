/**
 * A record and its history: who changed what, when, why, from which form.
 * Reads a register's history route (`visitHistory`, `incomeHistory`…).
 */
import { useEffect, useState } from 'react';
import type { RoutesAnswering } from '#domain/system/api.ts';
import { call, type PathParams } from '../../lib/api.ts';

/** One version as every history route gives it (income's older entries may lack the action and changes). */
interface HistoryLine {
  version: number;
  change: {
    actorName: string;
    at: string;
    action?: 'create' | 'update';
    reason?: string;
    changes?: { path: string; from: unknown; to: unknown }[];
  };
}

/** The routes answering a record's history. */
export type HistoryRouteId = RoutesAnswering<{ history: HistoryLine[] }>;

/** Values staff read in Chinese; a register adds its own through `valueLabels`. */
const commonValues: Record<string, string> = {
  true: '是',
  false: '否',
  open: '待处理',
  rectifying: '整改中',
  rectified: '已整改',
  closed: '已关闭',
  entered: '已录入',
  reviewed: '已审核',
  flagged: '疑似',
};

function show(v: unknown, labels: Record<string, string>, fieldLabels: Record<string, string>): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (Array.isArray(v)) return v.length ? v.map((x) => show(x, labels, fieldLabels)).join('、') : '（空）';
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldLabels[k] ?? k}：${show(x, labels, fieldLabels)}`)
      .join('；');
  }
  return labels[String(v)] ?? String(v);
}
const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export default function RecordHistory<Id extends HistoryRouteId>({
  route,
  params,
  labels = {},
  valueLabels = {},
}: {
  route: Id;
  /** Which record: its id (and, for income, the month). */
  params: PathParams<Id>;
  /** Chinese names of field paths. */
  labels?: Record<string, string>;
  /** Chinese names of stored values (status codes and the like). */
  valueLabels?: Record<string, string>;
}) {
  const values = { ...commonValues, ...valueLabels };
  const [entries, setEntries] = useState<HistoryLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const paramsKey = JSON.stringify(params);
  useEffect(() => {
    void call(route, { params }).then((res) => {
      if (res.ok) setEntries([...res.data.history].sort((a, b) => b.version - a.version));
      else setError(res.error.message);
    });
  }, [route, paramsKey]);
  if (error) return <div className="banner err">{error}</div>;
  if (!entries) return <p className="hint">正在加载修改记录…</p>;
  return (
    <section aria-label="修改记录">
      <h2>修改记录</h2>
      <ol style={{ paddingLeft: 20 }}>
        {entries.map((e) => (
          <li key={e.version} style={{ marginBottom: 10 }}>
            <strong>第 {e.version} 版</strong> · {when(e.change.at)} · {e.change.actorName} ·{' '}
            {e.change.action === 'create' ? '新建' : '修改'}
            {e.change.reason && <div>原因：{e.change.reason}</div>}
            {e.change.action === 'update' && (
              <ul>
                {(e.change.changes ?? []).map((c) => (
                  <li key={c.path}>
                    {labels[c.path] ?? c.path}：{show(c.from, values, labels)} → {show(c.to, values, labels)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
