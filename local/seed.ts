/**
 * Loads a generated county into the store (and its staff into the Cognito
 * stand-in). Idempotent: every write is a put of a deterministic item, and a
 * marker written last makes restarts skip seeding.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CountyConfig } from '#domain/config/county-config.ts';
import { addMonths, reportingPeriodAt } from '#domain/shared/period.ts';
import { dynamo } from '#functions/shared/clients.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { householdItem, orgUnitItem, staffItem } from '#functions/store/directory.writer.ts';
import { incomeItem } from '#functions/store/income.repository.ts';
import { keys } from '#functions/store/keys.ts';
import { tableName } from '#functions/store/table.ts';
import { ensureUsers, type CognitoLocal } from './cognito.ts';
import { generateCounty } from './seed/generate.ts';

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
  staff: number;
  incomeRecords: number;
  seconds: number;
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
  const lastPeriod = reportingPeriodAt(opts.now ?? new Date());
  // The demo holds the month before the reporting month, so the current month is left for staff to enter.
  const data = generateCounty({
    scale: opts.scale,
    seed: opts.seed ?? 1,
    config: opts.config,
    lastPeriod: opts.scale === 'demo' ? addMonths(lastPeriod, -1) : lastPeriod,
    months: opts.scale === 'demo' ? 13 : 12,
  });
  await batchPut(data.units.map((u) => orgUnitItem(county, u)));
  log(`  组织机构 ${data.units.length} 个`);
  await batchPut(data.households.map((h) => householdItem(county, h)), 8);
  log(`  农户 ${data.households.length} 户`);
  await batchPut(data.staff.map((s) => staffItem(county, s)));
  log(`  工作人员 ${data.staff.length} 人`);
  let incomeRecords = 0;
  let batch: Record<string, unknown>[] = [];
  for (const r of data.incomeRecords()) {
    batch.push(incomeItem(r));
    if (batch.length >= 5000) {
      await batchPut(batch, 8);
      incomeRecords += batch.length;
      batch = [];
      log(`  收入记录 ${incomeRecords} 条…`);
    }
  }
  await batchPut(batch, 8);
  incomeRecords += batch.length;
  log(`  收入记录 ${incomeRecords} 条`);
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
      Item: { ...keys.seedMarker(county), scale: opts.scale, at: new Date().toISOString() },
    }),
  );
  return {
    units: data.units.length,
    households: data.households.length,
    staff: data.staff.length,
    incomeRecords,
    seconds: (Date.now() - started) / 1000,
  };
}
