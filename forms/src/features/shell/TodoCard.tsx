/**
 * The home page's to-do (本月待办): the signed-in person's stage of this month's
 * income cycle, its deadline on the official calendar and the working days left,
 * or that it has passed. Computed by `cycleTodo` from the county configuration the
 * site serves, so it shows the deadline the server enforces.
 */
import { useEffect, useState } from 'react';
import { cycleTodo, type CycleTodo } from '#domain/income/income.todo.ts';
import { currentUser } from '../../lib/auth-client.ts';
import { runtimeConfig } from '../../lib/runtime-config.ts';

export default function TodoCard() {
  const [todo, setTodo] = useState<CycleTodo | null>(null);
  useEffect(() => {
    const user = currentUser();
    if (!user) return;
    void runtimeConfig()
      .then((c) => setTodo(cycleTodo(user.role, new Date(), c.county) ?? null))
      .catch(() => setTodo(null));
  }, []);
  if (!todo) return null;
  return (
    <section className={`card todo${todo.overdue ? ' overdue' : ''}`} aria-label="本月待办">
      <h2>本月待办</h2>
      <p>
        <a href={todo.href}>{todo.title}</a>
      </p>
      <p className={todo.overdue ? 'error' : 'hint'}>{todo.text}</p>
    </section>
  );
}
