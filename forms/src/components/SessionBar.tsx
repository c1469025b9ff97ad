import { useEffect, useState } from 'react';
import { currentUser, getIdToken, signOut } from '../lib/auth-client.ts';

/** The signed-in person and unit, on every page; sends strangers to the sign-in page. */
export default function SessionBar() {
  const [user, setUser] = useState<ReturnType<typeof currentUser>>(null);
  useEffect(() => {
    void getIdToken().then((t) => {
      if (!t) {
        window.location.href = `/login/?next=${encodeURIComponent(location.pathname + location.search)}`;
        return;
      }
      setUser(currentUser());
    });
  }, []);
  if (!user) return <span className="who">正在验证登录…</span>;
  return (
    <span className="who">
      {user.name}（{user.unitName ?? user.unitId} · {user.roleLabel}）{' '}
      <button
        type="button"
        onClick={() => {
          signOut();
          window.location.href = '/login/';
        }}
      >
        退出
      </button>
    </span>
  );
}
