/**
 * A ledger (台账) page: filters (town, village, status, period, overdue, text),
 * sorting by any column, paging, and XLSX export of exactly what is filtered.
 * Every register's ledger is this component with its own columns.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { LedgerCells, LedgerPage } from '#domain/records/record.api.ts';
import type { RoutesAnswering } from '#domain/system/api.ts';
import { call, download, type FileRouteId, type PathParams, type Query } from '../../lib/api.ts';

/** The routes answering a ledger page: what a Ledger lists. */
export type LedgerRouteId = RoutesAnswering<LedgerPage<LedgerCells>>;

export interface LedgerColumn {
  key: string;
  header: string;
  render?: (row: LedgerCells) => ReactNode;
  /** Numbers align right. */
  numeric?: boolean;
}

export interface LedgerProps<Id extends LedgerRouteId, E extends FileRouteId> {
  /** The list route, e.g. `listVisits`. */
  route: Id;
  /** The routes' path parameters (the export takes the same ones), e.g. the month. */
  params?: PathParams<Id> & PathParams<E>;
  /** The export route, e.g. `exportVisits`. */
  exportRoute?: E;
  exportName?: string;
  columns: LedgerColumn[];
  statuses?: { value: string; label: string }[];
  /** Show the overdue filter (problems, petitions). */
  overdueFilter?: boolean;
  /** Link of a row's own page, e.g. `(r) => '/visits/record/?id=' + r.id`. */
  rowHref?: (row: LedgerCells) => string;
  emptyText?: string;
}

export default function Ledger<Id extends LedgerRouteId, E extends FileRouteId = never>(
  props: LedgerProps<Id, E>,
) {
  const [filters, setFilters] = useState({
    q: '',
    status: '',
    from: '',
    to: '',
    overdue: false,
    town: '',
    village: '',
  });
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'createdAt', desc: true });
  const [pageNo, setPageNo] = useState(1);
  const [data, setData] = useState<LedgerPage<LedgerCells> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // What the filters say, as the list and the export both read it; empty filters are left out.
  const query = useCallback(
    (extra: Query = {}): Query => ({
      q: filters.q || undefined,
      status: filters.status || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      town: filters.town || undefined,
      village: filters.village || undefined,
      overdue: filters.overdue ? 'true' : undefined,
      sort: sort.key,
      desc: String(sort.desc),
      ...extra,
    }),
    [filters, sort],
  );
  // Compared by value: a page passing `params={{ period }}` makes a new object each render.
  const paramsKey = JSON.stringify(props.params ?? {});

  useEffect(() => {
    let live = true;
    setLoading(true);
    void call(props.route, {
      ...(props.params ? { params: props.params } : {}),
      query: query({ page: pageNo, pageSize: 20 }),
    }).then((res) => {
      if (!live) return;
      setLoading(false);
      if (res.ok) {
        setData(res.data);
        setError(null);
      } else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [props.route, paramsKey, query, pageNo]);

  const exportXlsx = async () => {
    if (!props.exportRoute) return;
    const failed = await download(
      props.exportRoute,
      { ...(props.params ? { params: props.params } : {}), query: query() },
      `${props.exportName ?? '台账'}.xlsx`,
    );
    if (failed) setError(failed);
  };

  const set = (k: keyof typeof filters, v: string | boolean) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setPageNo(1);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <section aria-label="台账">
      <div className="card">
        <label htmlFor="ledger-q">搜索</label>
        <input
          id="ledger-q"
          type="search"
          value={filters.q}
          onChange={(e) => set('q', e.currentTarget.value)}
        />
        {props.statuses && (
          <>
            <label htmlFor="ledger-status">状态</label>
            <select
              id="ledger-status"
              value={filters.status}
              onChange={(e) => set('status', e.currentTarget.value)}
            >
              <option value="">全部</option>
              {props.statuses.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </>
        )}
        <div className="row2">
          <div>
            <label htmlFor="ledger-from">起始日期</label>
            <input
              id="ledger-from"
              type="date"
              value={filters.from}
              onChange={(e) => set('from', e.currentTarget.value)}
            />
          </div>
          <div>
            <label htmlFor="ledger-to">截止日期</label>
            <input
              id="ledger-to"
              type="date"
              value={filters.to}
              onChange={(e) => set('to', e.currentTarget.value)}
            />
          </div>
        </div>
        <div className="row2">
          <div>
            <label htmlFor="ledger-town">镇/街道编号</label>
            <input
              id="ledger-town"
              value={filters.town}
              onChange={(e) => set('town', e.currentTarget.value.toUpperCase())}
            />
          </div>
          <div>
            <label htmlFor="ledger-village">村/社区编号</label>
            <input
              id="ledger-village"
              value={filters.village}
              onChange={(e) => set('village', e.currentTarget.value.toUpperCase())}
            />
          </div>
        </div>
        {props.overdueFilter && (
          <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              checked={filters.overdue}
              onChange={(e) => set('overdue', e.currentTarget.checked)}
            />
            只看逾期
          </label>
        )}
        {props.exportRoute && (
          <button
            type="button"
            className="secondary"
            style={{ marginTop: 12 }}
            onClick={() => void exportXlsx()}
          >
            导出 Excel
          </button>
        )}
      </div>
      {error && <div className="banner err">{error}</div>}
      {loading && !data && <p className="hint">正在加载…</p>}
      {data && data.total === 0 && <p className="hint">{props.emptyText ?? '暂无记录'}</p>}
      {data && data.total > 0 && (
        <>
          <p className="hint">共 {data.total} 条</p>
          <div style={{ overflowX: 'auto' }}>
            <table>
              <thead>
                <tr>
                  {props.columns.map((c) => (
                    <th
                      key={c.key}
                      aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                    >
                      <button
                        type="button"
                        style={{
                          background: 'none',
                          border: 0,
                          padding: 0,
                          font: 'inherit',
                          fontWeight: 700,
                          cursor: 'pointer',
                        }}
                        onClick={() =>
                          setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : false }))
                        }
                      >
                        {c.header}
                        {sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => (
                  <tr
                    key={String(row.id)}
                    className={row.overdue ? 'overdue' : undefined}
                    style={row.overdue ? { color: 'var(--err)' } : undefined}
                  >
                    {props.columns.map((c, i) => {
                      const content = c.render ? c.render(row) : String(row[c.key] ?? '');
                      return (
                        <td key={c.key} style={c.numeric ? { textAlign: 'right' } : undefined}>
                          {i === 0 && props.rowHref ? <a href={props.rowHref(row)}>{content}</a> : content}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="分页" style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 12 }}>
            <button
              type="button"
              className="secondary"
              disabled={pageNo <= 1}
              onClick={() => setPageNo((p) => p - 1)}
            >
              上一页
            </button>
            <span>
              第 {pageNo} 页 / 共 {pages} 页
            </span>
            <button
              type="button"
              className="secondary"
              disabled={pageNo >= pages}
              onClick={() => setPageNo((p) => p + 1)}
            >
              下一页
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
