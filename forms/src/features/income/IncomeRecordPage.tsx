/** One household's income record for a month, with every version: the original stays readable after a correction. */
import { useEffect, useState } from 'react';
import type { IncomeRecordHistory } from '#domain/income/income.api.ts';
import { incomeComponentLabels, incomeStatusLabels } from '#domain/income/income.schema.ts';
import { periodLabel } from '#domain/shared/period.ts';
import { call } from '../../lib/api.ts';
import RecordHistory from '../shell/RecordHistory.tsx';

const labels: Record<string, string> = {
  memberCount: '家庭人口数',
  netIncome: '家庭纯收入',
  status: '状态',
  ...Object.fromEntries(Object.entries(incomeComponentLabels).map(([k, v]) => [`components.${k}`, v])),
};

export default function IncomeRecordPage() {
  const [params] = useState(
    () => new URLSearchParams(typeof location === 'undefined' ? '' : location.search),
  );
  const period = params.get('period') ?? '';
  const id = params.get('id') ?? '';
  const [data, setData] = useState<IncomeRecordHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('incomeHistory', { params: { period, id } }).then((r) =>
      r.ok ? setData(r.data) : setError(r.error.message),
    );
  }, [period, id]);
  if (error) return <div className="banner err">{error}</div>;
  if (!data) return <p className="hint">正在加载…</p>;
  const r = data.record;
  return (
    <div>
      <div className="card">
        <strong>
          {data.household.headName} · {periodLabel(r.period)}
        </strong>
        <div className="hint">
          {incomeStatusLabels[r.status]} · 第 {r.version} 版 · 家庭纯收入 {r.netIncome.toFixed(2)} 元 · 人均{' '}
          {r.perCapitaNet.toFixed(2)} 元
        </div>
        {r.countyRounds?.map((c) => (
          <div key={c.round} className="hint">
            县级第 {c.round} 轮比对：{c.note}
            {c.response ? `；镇答复：${c.response.note}` : '；待镇答复'}
          </div>
        ))}
      </div>
      <RecordHistory route="incomeHistory" params={{ period, id }} labels={labels} />
    </div>
  );
}
