import { useEffect, useState } from 'react';
import type { Me } from '#domain/auth/session.api.ts';
import { call } from '../../lib/api.ts';
import { currentUser, getIdToken, signOut } from '../../lib/auth-client.ts';
import { runtimeConfig } from '../../lib/runtime-config.ts';

/**
 * The signed-in person and unit, on every page; sends strangers to the sign-in
 * page. The token names the unit by id only: the name comes from route `me`. Until
 * it answers (or where it may not, the auditor's), the county's name stands in for
 * county-level units and the id for the rest.
 */
export default function SessionBar() {
  const [user, setUser] = useState<ReturnType<typeof currentUser>>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [countyName, setCountyName] = useState<string | null>(null);
  useEffect(() => {
    void getIdToken().then((t) => {
      if (!t) {
        window.location.href = `/login/?next=${encodeURIComponent(location.pathname + location.search)}`;
        return;
      }
      const u = currentUser();
      setUser(u);
      void runtimeConfig()
        .then((c) => setCountyName(u && u.unitId === c.county.countyCode ? c.county.countyName : null))
        .catch(() => undefined);
      if (u?.role !== 'auditor') void call('me').then((r) => r.ok && setMe(r.data));
    });
  }, []);
  if (!user) return <span className="who">正在验证登录…</span>;
  return (
    <span className="who">
      {me?.name ?? user.name}（{me?.unitName ?? countyName ?? user.unitName ?? user.unitId} · {user.roleLabel}
      ）{' '}
      <button
        type="button"
        onClick={() => {
          void signOut();
          window.location.href = '/login/';
        }}
      >
        退出
      </button>
    </span>
  );
}
