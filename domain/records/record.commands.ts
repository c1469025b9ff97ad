import { assertReach, type RecordLocation } from '../auth/access.ts';
import type { Principal, Scope } from '../auth/roles.ts';
import { NotFoundError, SubmissionReusedError, VersionConflictError } from '../shared/errors.ts';
import type { RecordChange, RecordRepository, StoredRecord } from './record.ts';

/** Lists the fields that differ between two values, as dotted paths. */
export function diff(before: unknown, after: unknown, prefix = ''): RecordChange['changes'] {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diff(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: prefix || '(record)', from: before, to: after }];
}

export interface CommandContext {
  who: Principal;
  repo: RecordRepository;
  now: Date;
  submissionId: string;
  form: string;
}

export interface CommandResult<T> {
  record: StoredRecord<T>;
  replayed: boolean;
}

/**
 * Creates a record of `kind` at `location`, checked against the caller's scope.
 * Idempotent on the submission id: a retry returns the first result.
 */
export async function createRecord<T extends Record<string, unknown>>(
  input: { kind: string; id: string; data: T; location: RecordLocation; scope: Scope },
  ctx: CommandContext,
): Promise<CommandResult<T>> {
  const county = ctx.who.countyCode;
  const earlier = await ctx.repo.findSubmission(county, ctx.submissionId);
  if (earlier) {
    assertReach(ctx.who, input.scope, earlier);
    if (earlier.kind !== input.kind) throw new SubmissionReusedError();
    return { record: earlier as StoredRecord<T>, replayed: true };
  }
  const location = { ...input.location, countyCode: county, ownerId: ctx.who.userId };
  assertReach(ctx.who, input.scope, location);
  const at = ctx.now.toISOString();
  const record: StoredRecord<T> = {
    ...location,
    kind: input.kind,
    id: input.id,
    data: input.data,
    version: 1,
    createdAt: at,
    createdBy: ctx.who.userId,
    updatedAt: at,
    updatedBy: ctx.who.userId,
    updatedByName: ctx.who.name,
    lastSubmissionId: ctx.submissionId,
    sourceForm: ctx.form,
  };
  const stored = await ctx.repo.create(record, {
    submissionId: ctx.submissionId,
    actorId: ctx.who.userId,
    actorName: ctx.who.name,
    at,
    form: ctx.form,
    action: 'create',
    changes: diff({}, input.data),
  });
  return { record: stored as StoredRecord<T>, replayed: stored.updatedAt !== at };
}

/**
 * Changes a stored record: scope is checked against the record *as stored*; the
 * change applies only to the version the person edited (409 otherwise).
 */
export async function updateRecord<T extends Record<string, unknown>>(
  input: {
    kind: string;
    id: string;
    expectedVersion: number;
    scope: Scope;
    reason?: string;
    apply: (current: StoredRecord<T>) => T;
  },
  ctx: CommandContext,
): Promise<CommandResult<T>> {
  const county = ctx.who.countyCode;
  const earlier = await ctx.repo.findSubmission(county, ctx.submissionId);
  if (earlier) {
    assertReach(ctx.who, input.scope, earlier);
    if (earlier.kind !== input.kind || earlier.id !== input.id) throw new SubmissionReusedError();
    return { record: earlier as StoredRecord<T>, replayed: true };
  }
  const current = (await ctx.repo.get(county, input.kind, input.id)) as StoredRecord<T> | undefined;
  if (!current) throw new NotFoundError('RECORD.NOT_FOUND', '未找到该记录，可能已被删除或编号有误');
  assertReach(ctx.who, input.scope, current);
  if (current.version !== input.expectedVersion) {
    throw new VersionConflictError('RECORD.VERSION_CONFLICT', current.version);
  }
  const data = input.apply(current);
  const at = ctx.now.toISOString();
  const next: StoredRecord<T> = {
    ...current,
    data,
    version: current.version + 1,
    updatedAt: at,
    updatedBy: ctx.who.userId,
    updatedByName: ctx.who.name,
    lastSubmissionId: ctx.submissionId,
    sourceForm: ctx.form,
  };
  const stored = await ctx.repo.update(next, input.expectedVersion, {
    submissionId: ctx.submissionId,
    actorId: ctx.who.userId,
    actorName: ctx.who.name,
    at,
    form: ctx.form,
    action: 'update',
    ...(input.reason ? { reason: input.reason } : {}),
    changes: diff(current.data, data),
  });
  return { record: stored as StoredRecord<T>, replayed: stored.updatedAt !== at };
}
