import { useEffect, useState } from 'react';
import {
  flushOutbox,
  onOutboxChange,
  outboxItems,
  removeOutboxItem,
  startOutbox,
  type OutboxItem,
} from '../../lib/outbox.ts';

const statusLabel: Record<OutboxItem['status'], string> = {
  waiting: '等待网络',
  sending: '正在提交',
  saved: '已保存',
  failed: '被退回',
};

/** What this device holds for `form`: saved, waiting and refused submissions, each with its state. */
export default function OutboxPanel({ form }: { form: string }) {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    startOutbox();
    const refresh = () => setItems(outboxItems().filter((i) => i.form === form));
    refresh();
    setOnline(navigator.onLine);
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    const unsubscribe = onOutboxChange(refresh);
    return () => {
      unsubscribe();
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, [form]);
  const pending = items.filter((i) => i.status !== 'saved');
  if (!items.length && online) return null;
  return (
    <section className="card" aria-label="本机待提交记录">
      {!online && <p className="banner warn">当前无网络：填写的内容会保存在本机，联网后自动提交。</p>}
      {items.length > 0 && (
        <>
          <h2 style={{ marginTop: 0 }}>
            本机记录（待提交 {pending.length} 条）
            {pending.some((i) => i.status === 'waiting') && online && (
              <button
                type="button"
                className="secondary"
                style={{ marginLeft: 8 }}
                onClick={() => void flushOutbox()}
              >
                立即提交
              </button>
            )}
          </h2>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {[...items].reverse().map((i) => (
              <li
                key={i.id}
                data-status={i.status}
                style={{ padding: '6px 0', borderBottom: '1px solid var(--line)' }}
              >
                <strong>{statusLabel[i.status]}</strong> · {i.label}
                {i.status === 'failed' && (
                  <div className="error">
                    退回原因：{i.error?.message}
                    {i.error?.issues?.map((x) => `；${x.message}`).join('')}{' '}
                    <button type="button" className="secondary" onClick={() => removeOutboxItem(i.id)}>
                      知道了
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
