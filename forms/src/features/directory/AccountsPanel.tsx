/**
 * Staff sign-in accounts (county administrator): find staff, create accounts one
 * by one or for everyone selected, read out each temporary password once, and
 * disable staff (which disables their account).
 */
import { useEffect, useState } from 'react';
import type { AccountOutcome, AccountRow, AccountState } from '#domain/directory/directory.api.ts';
import { call } from '../../lib/api.ts';

const accountLabels: Record<AccountState, string> = {
  none: '未开通',
  'must-change-password': '已开通，待首次登录改密',
  active: '正常',
  disabled: '已停用',
};

export default function AccountsPanel() {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<{ total: number; items: AccountRow[] } | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<AccountOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = (query = q) =>
    void call('accountsList', { query: { q: query } }).then((r) =>
      r.ok ? setRows(r.data) : setError(r.error.message),
    );
  useEffect(() => load(''), []);

  const act = async (route: 'accountsCreate' | 'accountsDisable', ids: string[]) => {
    setBusy(true);
    setError(null);
    const all: AccountOutcome[] = [];
    for (let i = 0; i < ids.length; i += 50) {
      const r = await call(route, { body: { staffIds: ids.slice(i, i + 50) } });
      if (!r.ok) {
        setError(r.error.message);
        break;
      }
      all.push(...r.data.results);
    }
    setOutcomes(all);
    setPicked(new Set());
    setBusy(false);
    load();
  };

  return (
    <>
      <form
        className="card"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          load();
        }}
      >
        <label htmlFor="acc-q">查找工作人员</label>
        <input
          id="acc-q"
          value={q}
          placeholder="姓名、登录名或人员编号"
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <button type="submit" className="secondary" style={{ marginTop: 8 }}>
          查找
        </button>
      </form>
      {error && (
        <p className="banner err" role="alert">
          {error}
        </p>
      )}
      {outcomes.length > 0 && (
        <section className="card" aria-label="处理结果">
          <h2>处理结果</h2>
          <p className="hint">临时密码只显示这一次，请当面或电话告知本人；首次登录时须改为自己的密码。</p>
          <ul className="plain">
            {outcomes.map((o) => (
              <li key={o.staffId}>
                {o.name ?? o.staffId}（{o.username}）：
                {o.outcome === 'created' ? (
                  <>
                    已开通，临时密码 <code>{o.temporaryPassword}</code>
                  </>
                ) : o.outcome === 'disabled' ? (
                  '已停用'
                ) : (
                  (o.message ?? o.outcome)
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows && (
        <section className="card" aria-label="工作人员">
          <h2>
            工作人员（{rows.total} 人
            {rows.total > rows.items.length ? `，显示前 ${rows.items.length} 人` : ''}）
          </h2>
          <div className="buttons">
            <button
              type="button"
              className="secondary"
              disabled={busy || picked.size === 0}
              onClick={() => void act('accountsCreate', [...picked])}
            >
              为选中的 {picked.size} 人开通账号
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy || picked.size === 0}
              onClick={() => void act('accountsDisable', [...picked])}
            >
              停用选中的人员
            </button>
          </div>
          <ul className="plain">
            {rows.items.map((s) => (
              <li key={s.id}>
                <label style={{ display: 'flex', gap: 8, fontWeight: 'normal', margin: 0 }}>
                  <input
                    type="checkbox"
                    style={{ width: 'auto' }}
                    aria-label={`选择 ${s.name}`}
                    checked={picked.has(s.id)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.currentTarget.checked) next.add(s.id);
                      else next.delete(s.id);
                      setPicked(next);
                    }}
                  />
                  <span>
                    <strong>{s.name}</strong> {s.username}
                    <span className="hint" style={{ display: 'block' }}>
                      {s.roleLabel} · {s.unitName}
                      {s.phoneMasked ? ` · ${s.phoneMasked}` : ''} ·{' '}
                      {s.active ? accountLabels[s.account] : '人员已停用'}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
