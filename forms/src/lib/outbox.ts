/**
 * The offline outbox: a form filled without a connection is kept on the device,
 * shown as waiting, and sent when the connection returns. Each item carries the
 * submission id the form made, so sending it twice (two tabs, a retry after a
 * lost answer) still stores it once. A refusal comes back to the person with the
 * server's reason. An item keeps the method and path its route had when it was
 * queued (from the route table), so it is sent as it was meant even after an update.
 */
import type { ResponseOf } from '#domain/system/api.ts';
import { requestOf, send, type ApiError, type PathParams, type WriteRouteId } from './api.ts';
import { currentUser } from './auth-client.ts';

export type OutboxStatus = 'waiting' | 'sending' | 'saved' | 'failed';

export interface OutboxItem {
  /** The submission id: the same on every attempt. */
  id: string;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  /** What the person sees in the list, e.g. "王建国 2026年10月收入". */
  label: string;
  form: string;
  status: OutboxStatus;
  error?: ApiError;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  /**
   * Who filled it (sign-in name). Only they see it and only their session sends it:
   * on a shared phone the next person's token never sends the previous person's
   * entries; theirs wait, locked, until they sign in again. (Items queued before
   * owners were kept have none and go with whoever is signed in.)
   */
  owner?: string;
}

const KEY = 'shouwang.outbox.v1';
const CHANGED = 'shouwang-outbox-changed';
const KEEP_SAVED_MS = 3 * 24 * 3600_000;

function read(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as OutboxItem[];
  } catch {
    return [];
  }
}

function write(items: OutboxItem[]): void {
  const cutoff = Date.now() - KEEP_SAVED_MS;
  localStorage.setItem(
    KEY,
    JSON.stringify(items.filter((i) => i.status !== 'saved' || Date.parse(i.updatedAt) > cutoff)),
  );
  window.dispatchEvent(new Event(CHANGED));
}

function patch(id: string, p: Partial<OutboxItem>): void {
  write(read().map((i) => (i.id === id ? { ...i, ...p, updatedAt: new Date().toISOString() } : i)));
}

/** Whether the signed-in person may see and send `item`. */
const mine = (item: OutboxItem): boolean =>
  item.owner === undefined || item.owner === currentUser()?.username;

/** The signed-in person's items (others' stay on the device, locked). */
export const outboxItems = (): OutboxItem[] => read().filter(mine);

export function removeOutboxItem(id: string): void {
  write(read().filter((i) => i.id !== id));
}

/** Calls `fn` whenever the outbox changes, in this tab or another. */
export function onOutboxChange(fn: () => void): () => void {
  const storage = (e: StorageEvent) => e.key === KEY && fn();
  window.addEventListener(CHANGED, fn);
  window.addEventListener('storage', storage);
  return () => {
    window.removeEventListener(CHANGED, fn);
    window.removeEventListener('storage', storage);
  };
}

export type SendOutcome<T> =
  | { state: 'saved'; status: number; data: T }
  | { state: 'waiting' }
  | { state: 'refused'; status: number; error: ApiError };

async function attempt<T>(item: OutboxItem): Promise<SendOutcome<T>> {
  patch(item.id, { status: 'sending', attempts: item.attempts + 1 });
  const res = await send(item.method, item.path, item.body);
  if (res.ok) {
    patch(item.id, { status: 'saved' });
    // What the route declares it answers (`call` in api.ts), stored items included.
    return { state: 'saved', status: res.status, data: res.data as T };
  }
  // No answer, or the server could not answer now: keep it and try again later.
  if (res.status === 0 || res.status >= 500 || res.status === 429) {
    patch(item.id, { status: 'waiting' });
    return { state: 'waiting' };
  }
  patch(item.id, { status: 'failed', error: res.error });
  return { state: 'refused', status: res.status, error: res.error };
}

/** A submission for the outbox: the route it goes to (with its path parameters) and what it carries. */
export interface Submission<Id extends WriteRouteId> extends Pick<
  OutboxItem,
  'id' | 'body' | 'label' | 'form'
> {
  route: Id;
  params?: PathParams<Id>;
}

/**
 * Sends a form's submission now, keeping it in the outbox until the server has
 * answered. Offline it stays waiting and `flushOutbox` sends it later. A saved
 * submission answers with the route's declared response.
 */
export async function submitThroughOutbox<Id extends WriteRouteId>(
  input: Submission<Id>,
): Promise<SendOutcome<ResponseOf<Id>>> {
  const { route, params, ...rest } = input;
  const { method, path } = requestOf(route, params);
  const now = new Date().toISOString();
  const item: OutboxItem = {
    ...rest,
    method,
    path,
    status: 'waiting',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    ...(currentUser() ? { owner: currentUser()!.username } : {}),
  };
  write([...read().filter((i) => i.id !== item.id), item]);
  if (!navigator.onLine) return { state: 'waiting' };
  const outcome = await attempt<ResponseOf<Id>>(item);
  // A refusal seen at once is shown in the form itself; the outbox need not keep it.
  if (outcome.state === 'refused') removeOutboxItem(item.id);
  return outcome;
}

let flushing: Promise<void> | undefined;

async function flushOnce(): Promise<void> {
  for (const item of read().filter((i) => mine(i) && (i.status === 'waiting' || i.status === 'sending'))) {
    if (!navigator.onLine) break;
    const outcome = await attempt(item);
    if (outcome.state === 'waiting') break;
  }
}

/** Sends every waiting item once, oldest first; concurrent calls share one run. */
export function flushOutbox(): Promise<void> {
  if (!flushing) {
    // Assigned before the run can finish, so the reset below always clears this run.
    flushing = flushOnce().finally(() => {
      flushing = undefined;
    });
  }
  return flushing;
}

let started = false;

/** Flushes on load, when the connection returns, and every 30 s. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flushOutbox());
  setInterval(() => void flushOutbox(), 30_000);
  void flushOutbox();
}
