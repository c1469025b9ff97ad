/**
 * DynamoDB implementation of the record port shared by every register. As for
 * income: the conditional put is the commit point; the history entry and the
 * submission marker after it are idempotent puts, completed by a retry.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type {
  RecordChange,
  RecordFilter,
  RecordHistoryEntry,
  RecordRepository,
  StoredRecord,
} from '#domain/records/record.ts';
import { VersionConflictError } from '#domain/shared/errors.ts';
import { dynamo } from '../platform/clients.ts';
import { isConditionFailure, putIfAbsent, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

/** Copies the record's own fields, so key attributes never leave the adapter. */
export function toStoredRecord(i: Record<string, unknown>): StoredRecord {
  const opt = (k: string) => (typeof i[k] === 'string' ? { [k]: i[k] as string } : {});
  return {
    kind: String(i.kind),
    id: String(i.id),
    countyCode: String(i.countyCode),
    ...opt('townId'),
    ...opt('villageId'),
    ownerId: String(i.ownerId),
    data: (i.data ?? {}) as Record<string, unknown>,
    version: Number(i.version),
    createdAt: String(i.createdAt),
    createdBy: String(i.createdBy),
    updatedAt: String(i.updatedAt),
    updatedBy: String(i.updatedBy),
    updatedByName: String(i.updatedByName ?? ''),
    lastSubmissionId: String(i.lastSubmissionId),
    sourceForm: String(i.sourceForm),
  };
}

export function recordItem(r: StoredRecord): Record<string, unknown> {
  return {
    ...keys.record(r.countyCode, r.kind, r.id),
    ...keys.recordsByTown(r.countyCode, r.kind, r.townId, r.createdAt, r.id),
    ...keys.recordsOfCounty(r.countyCode, r.kind, r.createdAt, r.id),
    ...r,
  };
}

async function get(county: string, kind: string, id: string): Promise<StoredRecord | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.record(county, kind, id), ConsistentRead: true }),
  );
  return out.Item ? toStoredRecord(out.Item) : undefined;
}

async function commit(
  record: StoredRecord,
  condition: Pick<PutCommand['input'], 'ConditionExpression' | 'ExpressionAttributeValues'>,
  change: RecordChange,
) {
  let stored = record;
  try {
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: recordItem(record), ...condition }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const current = await get(record.countyCode, record.kind, record.id);
    if (current?.lastSubmissionId !== change.submissionId) {
      throw new VersionConflictError('RECORD.VERSION_CONFLICT', current?.version ?? 0);
    }
    stored = current;
  }
  await putIfAbsent({
    ...keys.recordHistory(stored.countyCode, stored.kind, stored.id, stored.version),
    change,
    record: stored,
  });
  await putIfAbsent({
    ...keys.submission(stored.countyCode, change.submissionId),
    storedRecord: stored,
    at: change.at,
  });
  return stored;
}

/**
 * Before a record is replaced, makes sure the version it replaces is in its history
 * (records loaded in bulk have none), so a report as of an earlier day can read it.
 */
async function keepPreviousVersion(next: StoredRecord, expectedVersion: number): Promise<void> {
  const current = await get(next.countyCode, next.kind, next.id);
  if (!current || current.version !== expectedVersion) return;
  const change: RecordChange = {
    submissionId: current.lastSubmissionId,
    actorId: current.updatedBy,
    actorName: current.updatedByName,
    at: current.updatedAt,
    form: current.sourceForm,
    action: current.version === 1 ? 'create' : 'update',
    changes: [],
  };
  await putIfAbsent({
    ...keys.recordHistory(current.countyCode, current.kind, current.id, current.version),
    change,
    record: current,
  });
}

export const recordRepository: RecordRepository = {
  async findSubmission(county, submissionId) {
    const out = await dynamo().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.submission(county, submissionId),
        ConsistentRead: true,
      }),
    );
    return out.Item?.storedRecord
      ? toStoredRecord(out.Item.storedRecord as Record<string, unknown>)
      : undefined;
  },
  get,
  create(record, change) {
    return commit(record, { ConditionExpression: 'attribute_not_exists(pk)' }, change);
  },
  async update(record, expectedVersion, change) {
    await keepPreviousVersion(record, expectedVersion);
    return commit(
      record,
      { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } },
      change,
    );
  },
  async list(county, kind, filter: RecordFilter = {}) {
    const range =
      filter.from || filter.to
        ? {
            cond: ' AND #sk BETWEEN :from AND :to',
            values: { ':from': filter.from ?? '0000', ':to': `${filter.to ?? '9999'}\uffff` },
          }
        : { cond: '', values: {} };
    const items = filter.townId
      ? await queryAll({
          IndexName: 'gsi1',
          KeyConditionExpression: `gsi1pk = :p${range.cond}`,
          ExpressionAttributeNames: range.cond ? { '#sk': 'gsi1sk' } : undefined,
          ExpressionAttributeValues: {
            ':p': keys.recordsByTown(county, kind, filter.townId, '', '').gsi1pk,
            ...range.values,
          },
        })
      : await queryAll({
          IndexName: 'gsi2',
          KeyConditionExpression: `gsi2pk = :p${range.cond}`,
          ExpressionAttributeNames: range.cond ? { '#sk': 'gsi2sk' } : undefined,
          ExpressionAttributeValues: {
            ':p': keys.recordsOfCounty(county, kind, '', '').gsi2pk,
            ...range.values,
          },
        });
    const records = items.map(toStoredRecord);
    return filter.villageId ? records.filter((r) => r.villageId === filter.villageId) : records;
  },
  async history(county, kind, id) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.recordHistory(county, kind, id).pk },
    });
    return items.map((i): RecordHistoryEntry => ({
      version: (i.record as { version: number }).version,
      change: i.change as RecordChange,
      record: toStoredRecord(i.record as Record<string, unknown>),
    }));
  },
};

/** The ids of a register's records across the county, read from the index keys only. */
export async function listRecordIds(county: string, kind: string): Promise<string[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p',
    ExpressionAttributeValues: { ':p': keys.recordsOfCounty(county, kind, '', '').gsi2pk },
    ProjectionExpression: 'gsi2sk',
  });
  // gsi2sk is `<createdAt>#<id>`; an ISO time holds no '#'.
  return items.map((i) => {
    const sk = String(i.gsi2sk);
    return sk.slice(sk.indexOf('#') + 1);
  });
}
