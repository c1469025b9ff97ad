import { useEffect, useState } from 'react';
import { currentUser } from '../../lib/auth-client.ts';
import { menuFor } from '../../lib/menu.ts';

/** The workbench menu for the signed-in person's role. */
export default function Menu() {
  const [role, setRole] = useState<ReturnType<typeof currentUser>>(null);
  useEffect(() => setRole(currentUser()), []);
  if (!role) return <p className="hint">正在加载…</p>;
  const groups = menuFor(role.role);
  if (!groups.length) return <p className="hint">您的账号暂无可用功能，请联系县级管理员。</p>;
  return (
    <nav className="menu" aria-label="功能">
      {groups.map((g) => (
        <section key={g.group} aria-label={g.group}>
          <h2>{g.group}</h2>
          {g.items.map((i) => (
            <a key={i.href} href={i.href}>
              {i.title}
              <span className="hint">{i.hint}</span>
            </a>
          ))}
        </section>
      ))}
    </nav>
  );
}
