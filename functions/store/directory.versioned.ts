/**
 * Versioned writes of directory items (households, people, staff), shared by the
 * household edit and the import. As elsewhere, the conditional put is the commit
 * point and the history entry written after it is idempotent; a retry carrying the
 * same submission id finds its own write and completes the history.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Household } from '#domain/org/org.schema.ts';
import type {
  RecordChange,
  RecordHistoryEntry,
  RecordRepository,
  StoredRecord,
} from '#domain/records/record.ts';
import { VersionConflictError } from '#domain/shared/errors.ts';
import { dynamo } from '../platform/clients.ts';
import { getHouseholdItem, toFullHousehold, versionOf } from './directory.repository.ts';
import { bumpDirectoryVersion } from './directory.version.ts';
import { householdItem } from './directory.writer.ts';
import { isConditionFailure, putIfAbsent, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

type Item = Record<string, unknown>;

/** Short tag of a directory item's history entries, under its owner's history partition. */
export type HistoryTag = 'HH' | `P-${string}` | 'STAFF';

/**
 * Puts `item` (which carries its keys, `version` and `lastSubmissionId`) when the
 * stored one is still at `expectedVersion` (0: must not exist yet). Items stored
 * before versioning count as version 1. Returns 'conflict' when someone else
 * changed it meanwhile; a retry of the same submission counts as written.
 */
export async function putVersioned(
  item: Item & { pk: string; version: number; lastSubmissionId: string },
  expectedVersion: number,
  history: { ownerId: string; tag: HistoryTag; county: string; change: RecordChange; snapshot: unknown },
): Promise<'written' | 'conflict'> {
  const condition =
    expectedVersion === 0
      ? 'attribute_not_exists(pk) OR lastSubmissionId = :sub'
      : expectedVersion === 1
        ? 'attribute_not_exists(version) OR version = :v OR lastSubmissionId = :sub'
        : 'version = :v OR lastSubmissionId = :sub';
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: item,
        ConditionExpression: condition,
        ExpressionAttributeValues: {
          ':sub': item.lastSubmissionId,
          ...(expectedVersion ? { ':v': expectedVersion } : {}),
        },
      }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    return 'conflict';
  }
  await putIfAbsent({
    ...keys.history(history.county, history.ownerId, history.tag, '-', item.version),
    change: history.change,
    record: history.snapshot,
  });
  return 'written';
}

/** The bookkeeping fields a versioned directory item carries beside its own. */
export function bookkeeping(version: number, change: RecordChange) {
  return {
    version,
    updatedAt: change.at,
    updatedBy: change.actorId,
    updatedByName: change.actorName,
    lastSubmissionId: change.submissionId,
    sourceForm: change.form,
  };
}

function householdRecord(county: string, item: Item): StoredRecord<Household> {
  const h = toFullHousehold(item);
  const v = versionOf(item);
  return {
    kind: 'household',
    id: h.id,
    countyCode: county,
    villageId: h.villageId,
    townId: h.townId,
    ownerId: v.updatedBy ?? 'directory',
    data: h,
    version: v.version,
    createdAt: v.updatedAt ?? '',
    createdBy: v.updatedBy ?? 'directory',
    updatedAt: v.updatedAt ?? '',
    updatedBy: v.updatedBy ?? 'directory',
    updatedByName: v.updatedByName ?? '',
    lastSubmissionId: v.lastSubmissionId ?? '',
    sourceForm: v.sourceForm ?? (h.synthetic ? 'seed' : 'import'),
  };
}

/**
 * Households as a record repository, so the household edit runs through the
 * shared `updateRecord` (scope checked on the stored household, version
 * conditional, history with the changed fields and the reason).
 */
export const householdRecords: RecordRepository = {
  async findSubmission(county, submissionId) {
    const out = await dynamo().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.submission(county, submissionId),
        ConsistentRead: true,
      }),
    );
    return out.Item?.storedRecord as StoredRecord | undefined;
  },
  async get(county, _kind, id) {
    const item = await getHouseholdItem(county, id);
    return item ? (householdRecord(county, item) as unknown as StoredRecord) : undefined;
  },
  create() {
    return Promise.reject(new Error('households are created by import, not through the record port'));
  },
  async update(record, expectedVersion, change) {
    const h = record.data as unknown as Household;
    await bumpDirectoryVersion(record.countyCode, new Date(change.at));
    const item = { ...householdItem(record.countyCode, h), ...bookkeeping(record.version, change) };
    const result = await putVersioned(item, expectedVersion, {
      county: record.countyCode,
      ownerId: h.id,
      tag: 'HH',
      change,
      snapshot: h,
    });
    if (result === 'conflict') {
      const current = await getHouseholdItem(record.countyCode, h.id);
      throw new VersionConflictError('HOUSEHOLD.VERSION_CONFLICT', current ? versionOf(current).version : 0);
    }
    await putIfAbsent({
      ...keys.submission(record.countyCode, change.submissionId),
      storedRecord: record,
      at: change.at,
    });
    return record;
  },
  list() {
    return Promise.reject(new Error('households are listed through the directory repository'));
  },
  async history(county, _kind, id) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':p': keys.history(county, id, 'HH', '-', 0).pk, ':t': 'HH#' },
    });
    return items.map((i): RecordHistoryEntry => ({
      version: Number(String(i.sk).slice(-6)),
      change: i.change as RecordChange,
      record: i.record as StoredRecord,
    }));
  },
};
