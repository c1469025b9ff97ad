/**
 * 走访覆盖情况: how far the duties of the ten measures are covered this month, as
 * the coverage report counts it: one's own (with what is still to visit), a
 * town's people, or the county's towns and people, for whoever may see them.
 */
import { useEffect, useState } from 'react';
import { dutyRuleShortLabels } from '#domain/duties/duty-rules.ts';
import { addMonths, periodLabel, shanghaiDate } from '#domain/shared/period.ts';
import type { CoverageView } from '#domain/visits/visit.coverage.ts';
import { visitTargetKindLabels } from '#domain/visits/visit.schema.ts';
import { call } from '../../lib/api.ts';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export default function CoveragePage() {
  const thisMonth = shanghaiDate(new Date()).slice(0, 7);
  const [period, setPeriod] = useState(thisMonth);
  const [view, setView] = useState<CoverageView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setView(null);
    void call('visitCoverage', { query: { period } }).then((res) => {
      if (res.ok) setView(res.data);
      else setError(res.error.message);
    });
  }, [period]);

  return (
    <div>
      <label htmlFor="cov-period">月份</label>
      <select id="cov-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
        {[0, -1, -2]
          .map((i) => addMonths(thisMonth, i))
          .map((p) => (
            <option key={p} value={p}>
              {periodLabel(p)}
            </option>
          ))}
      </select>
      {error && <div className="banner err">{error}</div>}
      {!view && !error && <p className="hint">正在统计…</p>}
      {view && (
        <>
          <section className="card" aria-label="覆盖概况">
            <h2 style={{ marginTop: 0 }}>
              {view.level === 'person'
                ? '我的走访责任'
                : view.level === 'town'
                  ? '本镇走访覆盖'
                  : '全县走访覆盖'}
            </h2>
            <p>
              应走访 {view.totals.required} 个，已走访 {view.totals.visited} 个，覆盖率{' '}
              {pct(view.totals.coverage)}
              {view.level !== 'person' && `；责任人 ${view.totals.people} 人`}。
            </p>
            <p className="hint">统计截至 {view.asOf}，与走访排查覆盖情况报告同一口径。</p>
          </section>
          {view.byTown.length > 0 && (
            <section aria-label="各镇覆盖">
              <h2>各镇</h2>
              <table>
                <thead>
                  <tr>
                    <th>镇</th>
                    <th>应走访</th>
                    <th>已走访</th>
                    <th>覆盖率</th>
                  </tr>
                </thead>
                <tbody>
                  {view.byTown.map((t) => (
                    <tr key={t.townId}>
                      <td>{t.name}</td>
                      <td>{t.required}</td>
                      <td>{t.visited}</td>
                      <td>{pct(t.coverage)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {view.level !== 'person' && view.byPerson.length > 0 && (
            <section aria-label="各责任人覆盖">
              <h2>各责任人</h2>
              <table>
                <thead>
                  <tr>
                    <th>责任人</th>
                    <th>责任</th>
                    <th>应走访</th>
                    <th>已走访</th>
                    <th>覆盖率</th>
                  </tr>
                </thead>
                <tbody>
                  {view.byPerson.map((p) => (
                    <tr key={p.staffId}>
                      <td>{p.name}</td>
                      <td>{p.rules.map((r) => dutyRuleShortLabels[r]).join('、')}</td>
                      <td>{p.required}</td>
                      <td>{p.visited}</td>
                      <td>{pct(p.coverage)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <section aria-label="未走访对象">
            <h2>尚未走访（{view.unvisitedTotal}）</h2>
            {view.unvisited.length === 0 ? (
              <p className="hint">本月责任对象均已走访。</p>
            ) : (
              <ul>
                {view.unvisited.map((u) => (
                  <li key={`${u.staffId}:${u.kind}:${u.id}`}>
                    {u.townName} · {u.name}（{visitTargetKindLabels[u.kind]}）
                    {view.level !== 'person' && ` · ${u.staffName}`}
                  </li>
                ))}
              </ul>
            )}
            {view.unvisitedTotal > view.unvisited.length && (
              <p className="hint">只列出前 {view.unvisited.length} 个，完整名单见走访排查覆盖情况报告。</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
