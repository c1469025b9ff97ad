import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryChange, IncomeHistoryEntry, IncomeRepository } from '#domain/income/income.port.ts';
import { ENTRY_WINDOW_KIND, entryWindowSchema, type EntryWindow } from '#domain/income/income.window.ts';
import { incomeRecordSchema, type IncomeRecord } from '#domain/income/income.schema.ts';
import type { Household } from '#domain/org/org.schema.ts';
import { VersionConflictError } from '#domain/shared/errors.ts';
import type { Period } from '#domain/shared/period.ts';
import { dynamo } from '../platform/clients.ts';
import { resolveAsOf } from './as-of.ts';
import { isConditionFailure, putIfAbsent, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';
import { getHousehold } from './org.repository.ts';
import { recordRepository } from './records.repository.ts';
import { tableName } from './table.ts';

/** Copies an income record's own fields, so key attributes and bookkeeping never leak out. */
export function toIncomeRecord(item: Record<string, unknown>): IncomeRecord {
  return incomeRecordSchema.parse({
    period: item.period,
    householdId: item.householdId,
    memberCount: item.memberCount,
    components: item.components,
    fallCause: item.fallCause,
    countyCode: item.countyCode,
    villageId: item.villageId,
    townId: item.townId,
    netIncome: item.netIncome,
    perCapitaNet: item.perCapitaNet,
    status: item.status,
    version: item.version,
    lastSubmissionId: item.lastSubmissionId,
    updatedBy: item.updatedBy,
    updatedAt: item.updatedAt,
    enteredAt: item.enteredAt,
    sourceForm: item.sourceForm,
    review: item.review,
    countyRounds: item.countyRounds,
  });
}

/** The item written for a record: its fields plus the keys of the table and of gsi1. */
export function incomeItem(r: IncomeRecord): Record<string, unknown> {
  return {
    ...keys.income(r.countyCode, r.period, r.villageId, r.householdId),
    ...keys.incomeByHousehold(r.countyCode, r.householdId, r.period),
    ...r,
  };
}

async function getIncome(county: string, period: Period, villageId: string, householdId: string) {
  const out = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.income(county, period, villageId, householdId),
      ConsistentRead: true,
    }),
  );
  return out.Item ? toIncomeRecord(out.Item) : undefined;
}

/**
 * Before a record is replaced, makes sure the version it replaces is in its
 * history: records loaded in bulk (the seed, a migration) have none, and without
 * it a report as of a day before the change could not read the record as it was.
 * Idempotent: an entry already there is left as it is.
 */
async function keepPreviousVersion(next: IncomeRecord, expectedVersion: number): Promise<void> {
  const current = await getIncome(next.countyCode, next.period, next.villageId, next.householdId);
  if (!current || current.version !== expectedVersion) return;
  await putIfAbsent({
    ...keys.history(current.countyCode, current.householdId, 'INC', current.period, current.version),
    kind: 'income',
    change: {
      submissionId: current.lastSubmissionId,
      actorId: current.updatedBy,
      actorName: '',
      at: current.updatedAt,
      form: current.sourceForm,
      action: current.version === 1 ? 'create' : 'update',
    } satisfies HistoryChange,
    record: current,
  });
}

/** All income records of a village for a period. */
export async function listVillageIncome(
  county: string,
  period: Period,
  villageId: string,
): Promise<IncomeRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.incomeOfVillage(county, period, villageId).pk },
  });
  return items.map(toIncomeRecord);
}

/**
 * A village's records of a period as they stood at `cutoff` (ISO instant): a
 * record first entered after it is left out, one changed after it is read in the
 * version it had then. Every report reads income through this, so a report made
 * late, or again, shows what was known at its cut-off.
 */
export async function listVillageIncomeAsOf(
  county: string,
  period: Period,
  villageId: string,
  cutoff: string,
): Promise<IncomeRecord[]> {
  return resolveAsOf(await listVillageIncome(county, period, villageId), cutoff, {
    createdAt: (r) => r.enteredAt,
    history: async (r) => (await incomeHistory(county, r.householdId, period)).map((h) => h.record),
  });
}

/** Every version of a household's record for a period, oldest first, with the change that made it. */
export async function incomeHistory(
  county: string,
  householdId: string,
  period: Period,
): Promise<IncomeHistoryEntry[]> {
  const pk = keys.history(county, householdId, 'INC', period, 0).pk;
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
    ExpressionAttributeValues: { ':p': pk, ':s': `INC#${period}#` },
  });
  return items.map((i) => {
    const record = toIncomeRecord(i.record as Record<string, unknown>);
    return { version: record.version, change: i.change as HistoryChange, record };
  });
}

/** The county's reopenings of a period's entry, from the `entry-window` register. */
export async function listEntryWindows(county: string, period: Period): Promise<EntryWindow[]> {
  const records = await recordRepository.list(county, ENTRY_WINDOW_KIND);
  return records
    .map((r) => entryWindowSchema.safeParse(r.data))
    .flatMap((p) => (p.success && p.data.period === period ? [p.data] : []));
}

/**
 * DynamoDB implementation of the income port. No transactions (dynalite has none):
 * the conditional put is the commit point; the history entry and the submission
 * marker after it are idempotent, and a retry that finds its own submission id on
 * the record completes them.
 */
export const incomeRepository: IncomeRepository = {
  async findSubmission(county, submissionId) {
    const out = await dynamo().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.submission(county, submissionId),
        ConsistentRead: true,
      }),
    );
    return out.Item?.record ? toIncomeRecord(out.Item.record as Record<string, unknown>) : undefined;
  },

  getHousehold,
  listEntryWindows,

  getRecord(county: string, period: Period, household: Household) {
    return getIncome(county, period, household.villageId, household.id);
  },

  async saveRecord(record, expectedVersion, change: HistoryChange) {
    if (expectedVersion > 0) await keepPreviousVersion(record, expectedVersion);
    let stored = record;
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: incomeItem(record),
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      );
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const current = await getIncome(record.countyCode, record.period, record.villageId, record.householdId);
      if (current?.lastSubmissionId !== change.submissionId) {
        throw new VersionConflictError('INCOME.VERSION_CONFLICT', current?.version ?? 0);
      }
      stored = current;
    }
    await putIfAbsent({
      ...keys.history(stored.countyCode, stored.householdId, 'INC', stored.period, stored.version),
      kind: 'income',
      change,
      record: stored,
    });
    await putIfAbsent({
      ...keys.submission(stored.countyCode, change.submissionId),
      record: stored,
      at: change.at,
    });
    return stored;
  },
};
