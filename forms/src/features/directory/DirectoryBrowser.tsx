/**
 * The county directory: the org tree (county → towns → villages and factories),
 * a household search by the head's name or an ID number, and exports.
 */
import { useEffect, useMemo, useState } from 'react';
import type { HouseholdFound } from '#domain/directory/directory.api.ts';
import { householdCategoryLabels, type OrgUnit } from '#domain/org/org.schema.ts';
import { call, download } from '../../lib/api.ts';

export default function DirectoryBrowser() {
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [village, setVillage] = useState<string | null>(null);
  const [found, setFound] = useState<{ total: number; items: HouseholdFound[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('directoryUnits').then((r) => (r.ok ? setUnits(r.data.items) : setError(r.error.message)));
  }, []);
  const towns = useMemo(() => units.filter((u) => u.kind === 'town'), [units]);
  const children = (townId: string) =>
    units.filter((u) => u.parentId === townId && (u.kind === 'village' || u.kind === 'factory'));

  const search = async (params: { q?: string; village?: string }) => {
    const r = await call('directoryHouseholds', {
      query: { q: params.q || undefined, village: params.village || undefined },
    });
    if (r.ok) {
      setFound(r.data);
      setError(null);
    } else setError(r.error.message);
  };

  return (
    <>
      <form
        className="card"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search({ q: q.trim(), ...(village ? { village } : {}) });
        }}
      >
        <label htmlFor="dir-q">查找农户</label>
        <input
          id="dir-q"
          value={q}
          placeholder="户主姓名、身份证号码或户编号"
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        {village && (
          <p className="hint">
            仅在 {units.find((u) => u.id === village)?.name} 中查找{' '}
            <button type="button" className="secondary" onClick={() => setVillage(null)}>
              全县查找
            </button>
          </p>
        )}
        <button type="submit" className="primary">
          查找
        </button>
      </form>
      {error && (
        <p className="banner err" role="alert">
          {error}
        </p>
      )}
      {found && (
        <section aria-label="查找结果" className="card">
          <h2>查找结果（{found.total} 户）</h2>
          {found.items.length === 0 && <p className="hint">没有找到符合条件的农户</p>}
          <ul className="plain">
            {found.items.map((h) => (
              <li key={h.id}>
                <a href={`/directory/household/?id=${h.id}`}>
                  {h.headName}（{householdCategoryLabels[h.category]}，{h.memberCount} 人）
                </a>
                <div className="hint">
                  {h.townName} · {h.villageName} · {h.id}
                  {h.headIdMasked ? ` · ${h.headIdMasked}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="组织机构" className="card">
        <h2>组织机构</h2>
        {towns.length === 0 && !error && <p className="hint">正在加载…</p>}
        <ul className="tree">
          {towns.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="link"
                aria-expanded={open === t.id}
                onClick={() => setOpen(open === t.id ? null : t.id)}
              >
                {open === t.id ? '▾' : '▸'} {t.name}
                <span className="hint">
                  （{children(t.id).filter((c) => c.kind === 'village').length} 个村/社区）
                </span>
              </button>
              {open === t.id && (
                <ul>
                  {children(t.id).map((v) => (
                    <li key={v.id}>
                      {v.kind === 'village' ? (
                        <button
                          type="button"
                          className="link"
                          onClick={() => {
                            setVillage(v.id);
                            void search({ village: v.id });
                          }}
                        >
                          {v.name}
                          {v.keyVillage ? <span className="tag">省级重点帮扶村</span> : null}
                        </button>
                      ) : (
                        <span>
                          {v.name}
                          <span className="tag">社区工厂</span>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="导出" className="card">
        <h2>导出名录（Excel）</h2>
        <div className="buttons">
          {(
            [
              ['units', '组织机构'],
              ['households', '农户名录'],
              ['staff', '工作人员名录'],
              ['staffing', '信息员配备不足单位'],
            ] as const
          ).map(([list, name]) => (
            <button
              key={list}
              type="button"
              className="secondary"
              onClick={() =>
                void download('directoryExport', { query: { list } }, `${name}.xlsx`).then(setError)
              }
            >
              {name}
            </button>
          ))}
        </div>
      </section>
    </>
  );
}
