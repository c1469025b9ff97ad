/**
 * A form's answer to the person: saved, kept on the device, or refused. It is
 * scrolled into view when it changes (the submit button is at the bottom of a
 * long form on a phone), and a "kept on the device" banner follows its outbox
 * item: once the item is sent it says so (and `onSent` lets the form refresh what
 * it shows), if it is refused it says why, so no stale "网络不可用" stays behind.
 */
import { useEffect, useRef, useState } from 'react';
import { onOutboxChange, outboxItems, type OutboxItem } from '../../lib/outbox.ts';

export interface BannerState {
  kind: 'ok' | 'err' | 'warn';
  text: string;
  href?: string;
  /** The outbox item (submission id) a "kept on the device" banner waits on. */
  pendingId?: string;
}

export default function StatusBanner({
  banner,
  onSent,
}: {
  banner: BannerState | null;
  onSent?: (item: OutboxItem) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(banner);
  useEffect(() => setShown(banner), [banner]);
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView({ block: 'center' });
  }, [shown]);
  const pendingId = shown?.pendingId;
  useEffect(() => {
    if (!pendingId) return;
    const settle = () => {
      const item = outboxItems().find((i) => i.id === pendingId);
      if (item?.status === 'saved') {
        setShown({ kind: 'ok', text: `已提交：${item.label}。` });
        onSent?.(item);
      } else if (item?.status === 'failed') {
        setShown({
          kind: 'err',
          text: `${item.label}被退回：${item.error?.message ?? '请检查后重新提交'}（见下方本机记录）`,
        });
      }
    };
    settle();
    return onOutboxChange(settle);
    // onSent is the form's refresh, a new function each render: the item is what matters.
  }, [pendingId]);
  if (!shown) return null;
  return (
    <div ref={ref} className={`banner ${shown.kind}`} role="status">
      {shown.text} {shown.href && <a href={shown.href}>查看记录</a>}
    </div>
  );
}
