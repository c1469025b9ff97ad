/**
 * Handlers every register shares: create, update, list (scoped to the caller,
 * filtered, sorted, paged), a record's history, and an XLSX export of the
 * ledger. A register's route folder wires one of these in a few lines.
 */
import type * as z from 'zod/v4/core';
import { assertReach, canReach, type RecordLocation } from '#domain/auth/access.ts';
import type { Principal, Scope } from '#domain/auth/roles.ts';
import { createRecord, updateRecord } from '#domain/records/record.commands.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import type { LedgerCells, LedgerPage, RecordWithHistory } from '#domain/records/record.api.ts';
import { NotFoundError, SubmissionReusedError, ValidationError } from '#domain/shared/errors.ts';
import type { RecordDataOf, RecordRouteId, RoutesAccepting } from '#domain/system/api.ts';
import { recordRepository } from '../store/records.repository.ts';
import { httpRoute, sharedHttpRoute } from './http.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

/** The filter a ledger page sends: town, village, status, period, overdue, text; sort and page. */
export interface LedgerQuery {
  townId?: string;
  villageId?: string;
  status?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  q?: string;
  sort?: string;
  desc?: boolean;
  page: number;
  pageSize: number;
}

export function parseLedgerQuery(q: Record<string, string | undefined>): LedgerQuery {
  const int = (v: string | undefined, d: number, max: number) => {
    const n = Number(v ?? d);
    return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : d;
  };
  const str = (v: string | undefined) => (v && v.length <= 100 ? v : undefined);
  return {
    ...(str(q.town) ? { townId: q.town } : {}),
    ...(str(q.village) ? { villageId: q.village } : {}),
    ...(str(q.status) ? { status: q.status } : {}),
    ...(q.from && /^\d{4}-\d{2}(-\d{2})?$/.test(q.from) ? { from: q.from } : {}),
    ...(q.to && /^\d{4}-\d{2}(-\d{2})?$/.test(q.to) ? { to: q.to } : {}),
    ...(q.overdue === 'true' ? { overdue: true } : {}),
    ...(str(q.q) ? { q: q.q } : {}),
    ...(str(q.sort) ? { sort: q.sort } : {}),
    desc: q.desc !== 'false',
    page: int(q.page, 1, 100_000),
    pageSize: int(q.pageSize, 50, 500),
  };
}

/** How a register appears in its ledger: row fields (flat), status, overdue, searchable text. */
export interface LedgerView<T> {
  kind: string;
  scope: Scope;
  row: (r: StoredRecord<T>, now: Date) => LedgerCells;
  status?: (r: StoredRecord<T>) => string;
  overdue?: (r: StoredRecord<T>, now: Date) => boolean;
  text?: (r: StoredRecord<T>) => string;
  /**
   * The caller also sees the records they made outside their reach (a visit is
   * authorised by duty, so a cadre's visit to a paired household in another village
   * is theirs to list and open).
   */
  alsoOwn?: boolean;
}

/** The caller's own reach narrows the query: a village officer sees their village, town staff their town. */
function narrowToCaller(p: Principal, q: LedgerQuery): LedgerQuery {
  if (p.role === 'village-officer' || p.role === 'assistance-cadre')
    return { ...q, villageId: p.unitId, ...(p.townId ? { townId: p.townId } : {}) };
  if (p.role === 'town-staff') return { ...q, townId: p.unitId };
  return q;
}

export async function queryLedger<T>(view: LedgerView<T>, p: Principal, q: LedgerQuery, now: Date) {
  const nq = narrowToCaller(p, q);
  const all = (await recordRepository.list(p.countyCode, view.kind, {
    ...(nq.townId ? { townId: nq.townId } : {}),
    ...(nq.villageId ? { villageId: nq.villageId } : {}),
  })) as StoredRecord<T>[];
  const visible = all.filter((r) => canReach(p, view.scope, r));
  if (view.alsoOwn && nq !== q) {
    // Narrowed to a village: the caller's own records elsewhere need the county-wide read.
    const seen = new Set(visible.map((r) => r.id));
    const elsewhere = (await recordRepository.list(p.countyCode, view.kind)) as StoredRecord<T>[];
    visible.push(...elsewhere.filter((r) => r.ownerId === p.userId && !seen.has(r.id)));
  }
  const filtered = visible.filter(
    (r) =>
      (!nq.status || view.status?.(r) === nq.status) &&
      (!nq.overdue || view.overdue?.(r, now)) &&
      (!nq.from || r.createdAt.slice(0, nq.from.length) >= nq.from) &&
      (!nq.to || r.createdAt.slice(0, nq.to.length) <= nq.to) &&
      (!nq.q || (view.text?.(r) ?? JSON.stringify(r.data)).includes(nq.q)),
  );
  const rows = filtered.map((r) => ({
    id: r.id,
    version: r.version,
    townId: r.townId ?? null,
    villageId: r.villageId ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName,
    ...(view.status ? { status: view.status(r) } : {}),
    overdue: view.overdue?.(r, now) ?? false,
    ...view.row(r, now),
  }));
  const key = nq.sort ?? 'createdAt';
  rows.sort((a, b) => {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN');
    return nq.desc ? -c : c;
  });
  return { total: rows.length, rows };
}

/** GET list route: the caller's ledger page. */
export function ledgerListHandler<T>(routeId: RoutesAccepting<LedgerPage>, view: LedgerView<T>) {
  return httpRoute(routeId, undefined, async ({ principal, query }) => {
    const q = parseLedgerQuery(query);
    const { total, rows } = await queryLedger(view, principal, q, clockNow());
    const start = (q.page - 1) * q.pageSize;
    return {
      status: 200,
      body: { total, page: q.page, pageSize: q.pageSize, items: rows.slice(start, start + q.pageSize) },
    };
  });
}

/** GET one record with its history (who changed what, when, why, from which form). */
export function recordHistoryHandler(
  routeId: RoutesAccepting<RecordWithHistory<never>>,
  view: { kind: string; scope: Scope; alsoOwn?: boolean },
) {
  return httpRoute(routeId, undefined, async ({ principal, params }) => {
    const id = params.id ?? '';
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id))
      throw new ValidationError([{ path: 'id', code: 'invalid', message: '记录编号无效' }]);
    const record = await recordRepository.get(principal.countyCode, view.kind, id);
    if (!record) throw new NotFoundError('RECORD.NOT_FOUND', '未找到该记录');
    if (!(view.alsoOwn && record.ownerId === principal.userId)) assertReach(principal, view.scope, record);
    const history = await recordRepository.history(principal.countyCode, view.kind, id);
    // The store keeps every register's records untyped; the route declares which register's data it answers with.
    return { status: 200, body: { record, history } as RecordWithHistory<never> };
  });
}

/** Body shape shared by create routes: the register's data plus a client-made submission id. */
export interface CreateSpec<S extends z.$ZodType, Id extends RecordRouteId> {
  /** The create route: its declared response (`RecordReply<T>`) names the register's data `T`. */
  routeId: Id;
  kind: string;
  scope: Scope;
  form: string;
  schema: S;
  /** Where the new record sits (checked against the caller); may read the store (e.g. the household). */
  locate: (body: z.infer<S>, p: Principal) => Promise<Omit<RecordLocation, 'countyCode'>>;
  /** The record's data and id from the validated body (server-side rules go here). */
  build: (
    body: z.infer<S>,
    p: Principal,
    now: Date,
  ) => Promise<{ id: string; data: RecordDataOf<Id> }> | { id: string; data: RecordDataOf<Id> };
}

export function createRecordHandler<S extends z.$ZodType, Id extends RecordRouteId>(spec: CreateSpec<S, Id>) {
  return sharedHttpRoute(spec.routeId, spec.schema, async ({ body: raw, principal }) => {
    const body = raw as z.infer<S>;
    const now = clockNow();
    const submissionId = (body as { submissionId: string }).submissionId;
    // A retry answers with the first result before any rule runs again: a rule that
    // depends on today (a deadline not in the past) must not refuse yesterday's form.
    const earlier = await recordRepository.findSubmission(principal.countyCode, submissionId);
    if (earlier) {
      assertReach(principal, spec.scope, earlier);
      if (earlier.kind !== spec.kind) throw new SubmissionReusedError();
      return { status: 201, body: { record: earlier }, headers: { 'x-idempotent-replay': 'true' } };
    }
    const location = await spec.locate(body, principal);
    const { id, data } = await spec.build(body, principal, now);
    const { record, replayed } = await createRecord(
      {
        kind: spec.kind,
        id,
        data: data as Record<string, unknown>,
        location: { ...location, countyCode: principal.countyCode },
        scope: spec.scope,
      },
      { who: principal, repo: recordRepository, now, submissionId, form: spec.form },
    );
    return { status: 201, body: { record }, headers: { 'x-idempotent-replay': String(replayed) } };
  });
}

export interface UpdateSpec<S extends z.$ZodType, Id extends RecordRouteId> {
  /** The update route: its declared response (`RecordReply<T>`) names the register's data `T`. */
  routeId: Id;
  kind: string;
  scope: Scope;
  form: string;
  /** Must include `submissionId` and `expectedVersion`; the record id comes from the path. */
  schema: S;
  /** The new data from the current record and the body; throw domain errors for rule violations. */
  apply: (
    current: StoredRecord<RecordDataOf<Id>>,
    body: z.infer<S>,
    p: Principal,
    now: Date,
  ) => RecordDataOf<Id>;
  reason?: (body: z.infer<S>) => string | undefined;
}

export function updateRecordHandler<S extends z.$ZodType, Id extends RecordRouteId>(spec: UpdateSpec<S, Id>) {
  return sharedHttpRoute(spec.routeId, spec.schema, async ({ body: raw, principal, params }) => {
    const body = raw as z.infer<S>;
    const now = clockNow();
    const b = body as { submissionId: string; expectedVersion: number };
    const id = params.id ?? '';
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id))
      throw new ValidationError([{ path: 'id', code: 'invalid', message: '记录编号无效' }]);
    const reason = spec.reason?.(body);
    // The store keeps records untyped; the route's declaration says which register's these are.
    const { record, replayed } = await updateRecord(
      {
        kind: spec.kind,
        id,
        expectedVersion: b.expectedVersion,
        scope: spec.scope,
        ...(reason ? { reason } : {}),
        apply: (current) =>
          spec.apply(current as StoredRecord<RecordDataOf<Id>>, body, principal, now) as Record<
            string,
            unknown
          >,
      },
      { who: principal, repo: recordRepository, now, submissionId: b.submissionId, form: spec.form },
    );
    return { status: 200, body: { record }, headers: { 'x-idempotent-replay': String(replayed) } };
  });
}
