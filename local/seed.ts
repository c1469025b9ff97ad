/**
 * Loads a generated county into the store (and its staff into the Cognito
 * stand-in). Idempotent: every write is a put of a deterministic item, and a
 * marker written last makes restarts skip seeding.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CountyConfig } from '#domain/config/county-config.ts';
import { addMonths, reportingPeriodAt } from '#domain/shared/period.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { bumpDirectoryVersion } from '#functions/store/directory.version.ts';
import {
  assignmentItem,
  householdItem,
  informationOfficerItem,
  orgUnitItem,
  personItem,
  reportRecipientItem,
  staffItem,
} from '#functions/store/directory.writer.ts';
import { incomeItem } from '#functions/store/income.repository.ts';
import { keys } from '#functions/store/keys.ts';
import { tableName } from '#functions/store/table.ts';
import { ensureUsers, type CognitoLocal } from './cognito.ts';
import { generateCounty } from './seed/generate.ts';
import { ENTRY_WINDOW_KIND } from '#domain/income/income.window.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { recordItem } from '#functions/store/records.repository.ts';
import { listOrgUnits } from '#functions/store/org.repository.ts';
import { qualityKinds } from '#domain/quality/quality.schema.ts';
import { unitLocation } from '#functions/quality/views.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

export type SeedScale = 'demo' | 'county';

/** The password of every demo account (demo data only; real accounts get temporary passwords). */
export const demoPassword = 'Shouwang#2026';

export async function isSeeded(county: string): Promise<boolean> {
  const out = await dynamo().send(new GetCommand({ TableName: tableName(), Key: keys.seedMarker(county) }));
  return !!out.Item;
}

export interface SeedSummary {
  units: number;
  households: number;
  people: number;
  staff: number;
  assignments: number;
  informationOfficers: number;
  reportRecipients: number;
  incomeRecords: number;
  seconds: number;
}

/** Items per write round of the large lists: big enough to keep every writer busy, small enough to print progress. */
const roundSize = 10_000;
/** Parallel BatchWriteItem calls (dynalite is in-process: more than this only queues). */
const writers = 12;

/** Writes a lazy list in rounds, printing progress; returns how many were written. */
async function loadStream<T>(
  items: Iterable<T>,
  toItem: (t: T) => Record<string, unknown>,
  label: string,
  log: (m: string) => void,
): Promise<number> {
  let n = 0;
  let batch: Record<string, unknown>[] = [];
  for (const t of items) {
    batch.push(toItem(t));
    if (batch.length >= roundSize) {
      await batchPut(batch, writers);
      n += batch.length;
      batch = [];
      log(`  ${label} ${n} 条…`);
    }
  }
  await batchPut(batch, writers);
  n += batch.length;
  log(`  ${label} ${n} 条`);
  return n;
}

export async function seedCounty(opts: {
  scale: SeedScale;
  config: CountyConfig;
  seed?: number;
  now?: Date;
  cognito?: Pick<CognitoLocal, 'client' | 'userPoolId'> | undefined;
  log?: (m: string) => void;
}): Promise<SeedSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const county = opts.config.countyCode;
  const lastPeriod = reportingPeriodAt(opts.now ?? clockNow());
  // The demo holds the month before the reporting month, so the current month is left for staff to enter.
  const data = generateCounty({
    scale: opts.scale,
    seed: opts.seed ?? 1,
    config: opts.config,
    lastPeriod: opts.scale === 'demo' ? addMonths(lastPeriod, -1) : lastPeriod,
    months: opts.scale === 'demo' ? 13 : 12,
    notAfter: (opts.now ?? clockNow()).toISOString(),
  });
  // Households and people change: the next logic-rule sweep reads the people again.
  await bumpDirectoryVersion(county, clockNow());
  await batchPut(data.units.map((u) => orgUnitItem(county, u)));
  log(`  组织机构 ${data.units.length} 个`);
  await loadStream(data.households, (h) => householdItem(county, h), '农户', log);
  const people = await loadStream(data.people(), (p) => personItem(county, p), '家庭成员', log);
  await batchPut(
    data.staff.map((s) => staffItem(county, s)),
    writers,
  );
  log(`  工作人员 ${data.staff.length} 人`);
  await batchPut(
    data.assignments.map((a) => assignmentItem(county, a)),
    writers,
  );
  log(`  责任分工 ${data.assignments.length} 条`);
  await batchPut(
    data.informationOfficers.map((o) => informationOfficerItem(county, o)),
    writers,
  );
  // One roster: officers are added and removed on the data-quality roster page (an `info-officer`
  // register), so the seeded officers go there too, and staffing is judged on what staff see.
  const unitById = new Map(data.units.map((u) => [u.id, u]));
  const staffById = new Map(data.staff.map((x) => [x.id, x]));
  const seededAt = clockNow().toISOString();
  await batchPut(
    data.informationOfficers.flatMap((o) => {
      const unit = unitById.get(o.unitId);
      const person = staffById.get(o.staffId);
      if (!unit || !person) return [];
      const id = `IO-SEED-${o.unitId}-${o.staffId}`;
      const record: StoredRecord = {
        kind: qualityKinds.officer,
        id,
        countyCode: county,
        ...unitLocation(unit),
        ownerId: 'seed',
        data: {
          unitId: o.unitId,
          name: person.name,
          phone: person.phone ?? '01000000000',
          startedOn: '2024-01-01',
          active: true,
        },
        version: 1,
        createdAt: seededAt,
        createdBy: 'seed',
        updatedAt: seededAt,
        updatedBy: 'seed',
        updatedByName: '示范数据',
        lastSubmissionId: `seed-${id}`,
        sourceForm: 'seed',
      };
      return [recordItem(record)];
    }),
    writers,
  );
  log(`  信息员 ${data.informationOfficers.length} 条`);
  await batchPut(
    data.reportRecipients.map((r) => reportRecipientItem(county, r)),
    writers,
  );
  log(`  报告收件人 ${data.reportRecipients.length} 条`);
  const incomeRecords = await loadStream(data.incomeRecords(), incomeItem, '收入记录', log);
  if (opts.cognito) {
    const accounts = data.staff
      .filter((s) => s.active && data.demoAccounts.includes(s.username))
      .map((s) => ({
        username: s.username,
        name: s.name,
        email: s.email,
        role: s.role,
        unitId: s.unitId,
        ...(s.townId ? { townId: s.townId } : {}),
        countyCode: county,
        password: demoPassword,
      }));
    await ensureUsers(opts.cognito, accounts);
    log(`  登录账号 ${accounts.length} 个（密码 ${demoPassword}）`);
  }
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.seedMarker(county), scale: opts.scale, at: clockNow().toISOString() },
    }),
  );
  return {
    units: data.units.length,
    households: data.households.length,
    people,
    staff: data.staff.length,
    assignments: data.assignments.length,
    informationOfficers: data.informationOfficers.length,
    reportRecipients: data.reportRecipients.length,
    incomeRecords,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * The demo county keeps the current reporting month open for entry, whatever the
 * day: the county office's reopening (an `entry-window` record per town, as the
 * county admin would make on the windows page), renewed on every `npm start`.
 * Real counties get no such record: their entry closes after the deadline.
 */
export async function openDemoEntryWindows(config: CountyConfig, now = clockNow()): Promise<void> {
  const county = config.countyCode;
  const period = reportingPeriodAt(now);
  const towns = (await listOrgUnits(county)).filter((u) => u.kind === 'town');
  const at = now.toISOString();
  const records: StoredRecord[] = towns.map((t) => ({
    kind: ENTRY_WINDOW_KIND,
    id: `EW-DEMO-${t.id}-${period}`,
    countyCode: county,
    townId: t.id,
    ownerId: 'demo',
    data: { period, unitId: t.id, until: '2099-12-31', reason: '示范县：本月录入保持开放，便于演示' },
    version: 1,
    createdAt: at,
    createdBy: 'demo',
    updatedAt: at,
    updatedBy: 'demo',
    updatedByName: '示范数据',
    lastSubmissionId: `demo-${t.id}-${period}`,
    sourceForm: 'seed',
  }));
  // Only where missing: a restart must not bump what staff see in the windows list.
  for (const r of records) {
    await dynamo()
      .send(
        new PutCommand({
          TableName: tableName(),
          Item: recordItem(r),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((e: unknown) => {
        if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
      });
  }
}
