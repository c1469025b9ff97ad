/**
 * One household: members (ID and phone numbers masked), income by month, visits,
 * the history of changes, and an edit form that asks for a reason.
 */
import { useEffect, useState } from 'react';
import type { HouseholdDetail } from '#domain/directory/directory.api.ts';
import {
  householdCategories,
  householdCategoryLabels,
  householdFlagLabels,
  householdFlags,
  monitoredTypeLabels,
  monitoredTypes,
  personFlagLabels,
  relationLabels,
  type Household,
  type HouseholdFlag,
  type MonitoredType,
  type HouseholdCategory,
} from '#domain/org/org.schema.ts';
import { periodLabel } from '#domain/shared/period.ts';
import { call, type ApiIssue } from '../../lib/api.ts';

const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fieldLabels: Record<string, string> = {
  headName: '户主姓名',
  category: '户类别',
  monitoredType: '监测对象类别',
  memberCount: '家庭人口',
  flags: '重点人群',
};
/** A changed value in words: codes of category, sub-type and flags by their Chinese labels. */
const labelOf = (v: unknown): string => {
  const s = String(v);
  const labels: Record<string, string> = {
    ...householdCategoryLabels,
    ...monitoredTypeLabels,
    ...householdFlagLabels,
  };
  return labels[s] ?? s;
};
const show = (v: unknown) =>
  v === undefined || v === null
    ? '（空）'
    : Array.isArray(v)
      ? v.map(labelOf).join('、') || '（空）'
      : typeof v === 'object'
        ? '…'
        : labelOf(v);
/** Local (Shanghai) time of an ISO instant, as staff read it. */
const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

export default function DirectoryHousehold() {
  const id = typeof location === 'undefined' ? '' : (new URLSearchParams(location.search).get('id') ?? '');
  const [d, setD] = useState<HouseholdDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const load = () =>
    void call('directoryHousehold', { params: { id } }).then((r) =>
      r.ok ? setD(r.data) : setError(r.error.message),
    );
  useEffect(load, [id]);
  if (error)
    return (
      <p className="banner err" role="alert">
        {error}
      </p>
    );
  if (!d) return <p className="hint">正在加载…</p>;
  const h = d.household;
  return (
    <>
      <section className="card" aria-label="基本情况">
        <h2>
          {h.headName} 户 <span className="hint">{h.id}</span>
        </h2>
        <p>
          {h.townName} · {h.villageName}
          <br />
          {householdCategoryLabels[h.category]}
          {h.monitoredType ? `（${monitoredTypeLabels[h.monitoredType]}）` : ''} · 家庭人口 {h.memberCount} 人
          {h.flags?.length ? (
            <>
              <br />
              重点人群：{h.flags.map((f) => householdFlagLabels[f]).join('、')}
            </>
          ) : null}
        </p>
        <p className="hint">第 {d.version} 版</p>
        {!editing && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            修改
          </button>
        )}
        {editing && (
          <EditForm
            household={h}
            version={d.version}
            onDone={(saved) => {
              setEditing(false);
              if (saved) load();
            }}
          />
        )}
      </section>
      <section className="card" aria-label="家庭成员">
        <h2>家庭成员（{d.members.length} 人）</h2>
        {d.members.length === 0 && <p className="hint">尚未登记家庭成员</p>}
        <ul className="plain">
          {d.members.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong>（{relationLabels[m.relation]}
              {m.sex ? `，${m.sex}` : ''}
              {m.age !== null ? `，${m.age} 岁` : ''}）
              <div className="hint">
                身份证 {m.idNumberMasked}
                {m.phoneMasked ? ` · 电话 ${m.phoneMasked}` : ''}
                {m.flags.length ? ` · ${m.flags.map((f) => personFlagLabels[f]).join('、')}` : ''}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-label="收入">
        <h2>月度收入</h2>
        {d.income.length === 0 ? (
          <p className="hint">暂无收入记录（脱贫户、监测户按月录入；一般农户不录入）</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>月份</th>
                <th style={{ textAlign: 'right' }}>家庭纯收入</th>
                <th style={{ textAlign: 'right' }}>人均</th>
              </tr>
            </thead>
            <tbody>
              {d.income.map((r) => (
                <tr key={r.period}>
                  <td>{periodLabel(r.period)}</td>
                  <td style={{ textAlign: 'right' }}>{yuan(r.netIncome)}</td>
                  <td style={{ textAlign: 'right' }}>{yuan(r.perCapitaNet)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-label="走访">
        <h2>走访记录</h2>
        {d.visits.length === 0 ? (
          <p className="hint">暂无走访记录</p>
        ) : (
          d.visits.map((v) => (
            <p key={v.id}>
              {v.date} {v.by}
              <span className="hint" style={{ display: 'block' }}>
                {v.findings}
              </span>
            </p>
          ))
        )}
      </section>
      <section className="card" aria-label="修改记录">
        <h2>修改记录</h2>
        {d.history.length === 0 && <p className="hint">建档以来未修改</p>}
        <ol className="plain">
          {[...d.history].reverse().map((e) => (
            <li key={e.version}>
              第 {e.version} 版 · {when(e.at)} · {e.by}
              {e.reason ? `：${e.reason}` : ''}
              <div className="hint">
                {e.changes
                  .filter((c) => fieldLabels[c.path.split('.')[0] ?? ''])
                  .map((c) => `${fieldLabels[c.path.split('.')[0] ?? '']}：${show(c.from)} → ${show(c.to)}`)
                  .join('；')}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function EditForm(props: { household: Household; version: number; onDone: (saved: boolean) => void }) {
  const h = props.household;
  const [v, setV] = useState({
    headName: h.headName,
    category: h.category as HouseholdCategory,
    monitoredType: (h.monitoredType ?? '') as MonitoredType | '',
    memberCount: String(h.memberCount),
    flags: h.flags ?? ([] as HouseholdFlag[]),
    reason: '',
  });
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submissionId] = useState(() => crypto.randomUUID());
  const err = (path: string) => issues.find((i) => i.path === path)?.message;
  const submit = async () => {
    setBusy(true);
    const r = await call('directoryHouseholdUpdate', {
      params: { id: h.id },
      body: {
        submissionId,
        expectedVersion: props.version,
        reason: v.reason,
        headName: v.headName,
        category: v.category,
        ...(v.category === 'monitored' && v.monitoredType ? { monitoredType: v.monitoredType } : {}),
        memberCount: Number(v.memberCount),
        flags: v.flags,
      },
    });
    setBusy(false);
    if (r.ok) return props.onDone(true);
    setIssues(r.error.issues ?? []);
    setMessage(r.status === 409 ? '该农户已被他人修改，请返回刷新后在最新版本上修改' : r.error.message);
  };
  return (
    <form
      aria-label="修改农户信息"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="e-head">户主姓名</label>
      <input
        id="e-head"
        value={v.headName}
        onChange={(e) => setV({ ...v, headName: e.currentTarget.value })}
        aria-invalid={!!err('headName')}
      />
      <div className="row2">
        <div>
          <label htmlFor="e-cat">户类别</label>
          <select
            id="e-cat"
            value={v.category}
            onChange={(e) => setV({ ...v, category: e.currentTarget.value as HouseholdCategory })}
          >
            {householdCategories.map((c) => (
              <option key={c} value={c}>
                {householdCategoryLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="e-count">家庭人口</label>
          <input
            id="e-count"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            value={v.memberCount}
            onChange={(e) => setV({ ...v, memberCount: e.currentTarget.value })}
          />
        </div>
      </div>
      {v.category === 'monitored' && (
        <>
          <label htmlFor="e-mt">监测对象类别</label>
          <select
            id="e-mt"
            value={v.monitoredType}
            onChange={(e) => setV({ ...v, monitoredType: e.currentTarget.value as MonitoredType })}
            aria-invalid={!!err('monitoredType')}
          >
            <option value="">请选择</option>
            {monitoredTypes.map((t) => (
              <option key={t} value={t}>
                {monitoredTypeLabels[t]}
              </option>
            ))}
          </select>
          {err('monitoredType') && <p className="error">{err('monitoredType')}</p>}
        </>
      )}
      <fieldset className="checks">
        <legend>重点人群</legend>
        {householdFlags.map((f) => (
          <label key={f}>
            <input
              type="checkbox"
              checked={v.flags.includes(f)}
              onChange={(e) =>
                setV({
                  ...v,
                  flags: e.currentTarget.checked ? [...v.flags, f] : v.flags.filter((x) => x !== f),
                })
              }
            />
            {householdFlagLabels[f]}
          </label>
        ))}
      </fieldset>
      <label htmlFor="e-reason">修改原因</label>
      <textarea
        id="e-reason"
        rows={2}
        value={v.reason}
        onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
        aria-invalid={!!err('reason')}
      />
      {err('reason') && <p className="error">{err('reason')}</p>}
      {message && (
        <p className="banner err" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        保存修改
      </button>
      <button
        type="button"
        className="secondary"
        style={{ marginTop: 8, width: '100%' }}
        onClick={() => props.onDone(false)}
      >
        取消
      </button>
    </form>
  );
}
