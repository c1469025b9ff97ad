import { assertReach } from '../auth/access.ts';
import type { Principal } from '../auth/roles.ts';
import { yearConfig, type CountyConfig } from '../config/county-config.ts';
import { NotFoundError, SubmissionReusedError } from '../shared/errors.ts';
import { periodParts, previousPeriod, shanghaiDate } from '../shared/period.ts';
import { isIncomeMonitored } from '../org/org.schema.ts';
import { ValidationError } from '../shared/errors.ts';
import { netIncome, perCapitaNet } from './income.calc.ts';
import type { IncomeRepository } from './income.port.ts';
import { assertFallCause } from './income.rules.ts';
import { assertEntryOpen } from './income.window.ts';
import { diff } from '../records/record.commands.ts';
import { incomeStatusLabels, type IncomeEntry, type IncomeRecord } from './income.schema.ts';

export interface SubmitIncomeResult {
  record: IncomeRecord;
  /** True when this request repeats one already stored: nothing new was written. */
  replayed: boolean;
}

/**
 * A village enters a household's income for a month (收入采集录入). Idempotent on
 * the submission id; conditional on the version the person edited; scoped to the
 * household's village *as stored*, whatever the request claims.
 */
export async function submitIncome(
  entry: IncomeEntry,
  who: Principal,
  deps: { repo: IncomeRepository; config: CountyConfig; now: Date; form?: string },
): Promise<SubmitIncomeResult> {
  const { repo, config, now } = deps;
  const county = who.countyCode;
  const earlier = await repo.findSubmission(county, entry.submissionId);
  if (earlier) {
    assertReach(who, 'village', earlier);
    if (earlier.householdId !== entry.householdId || earlier.period !== entry.period)
      throw new SubmissionReusedError();
    return { record: earlier, replayed: true };
  }
  const household = await repo.getHousehold(county, entry.householdId);
  if (!household) throw new NotFoundError('INCOME.HOUSEHOLD_NOT_FOUND', '未找到该农户，请从列表中选择');
  assertReach(who, 'village', {
    countyCode: county,
    villageId: household.villageId,
    townId: household.townId,
  });
  if (!isIncomeMonitored(household)) {
    throw new ValidationError(
      [{ path: 'householdId', code: 'not_monitored', message: '该户不是脱贫户或监测户，无需按月录入收入' }],
      'INCOME.HOUSEHOLD_NOT_MONITORED',
    );
  }
  // A month that has not begun has no income to enter (and no yearly configuration to judge it by).
  if (entry.period > shanghaiDate(now).slice(0, 7)) {
    throw new ValidationError(
      [{ path: 'period', code: 'future_period', message: '不能录入尚未到来的月份的收入' }],
      'INCOME.PERIOD_IN_FUTURE',
    );
  }
  assertEntryOpen(entry.period, household, now, config, await repo.listEntryWindows(county, entry.period));
  const year = yearConfig(config, periodParts(entry.period).year);
  const previous = await repo.getRecord(county, previousPeriod(entry.period), household);
  assertFallCause(entry, previous?.netIncome, year);

  const current =
    entry.expectedVersion > 0 ? await repo.getRecord(county, entry.period, household) : undefined;
  const at = now.toISOString();
  const record: IncomeRecord = {
    period: entry.period,
    householdId: household.id,
    memberCount: entry.memberCount,
    components: entry.components,
    ...(entry.fallCause ? { fallCause: entry.fallCause } : {}),
    countyCode: county,
    villageId: household.villageId,
    townId: household.townId,
    netIncome: netIncome(entry.components),
    perCapitaNet: perCapitaNet(entry.components, entry.memberCount),
    status: 'entered',
    version: entry.expectedVersion + 1,
    lastSubmissionId: entry.submissionId,
    updatedBy: who.userId,
    updatedAt: at,
    enteredAt: current?.enteredAt ?? at,
    sourceForm: deps.form ?? 'income-entry',
    // The county's rounds stay with the record: re-entry does not erase what was asked.
    ...(current?.countyRounds ? { countyRounds: current.countyRounds } : {}),
  };
  const stored = await repo.saveRecord(record, entry.expectedVersion, {
    submissionId: entry.submissionId,
    actorId: who.userId,
    actorName: who.name,
    at,
    form: record.sourceForm,
    action: current ? 'update' : 'create',
    changes: diff(current ? pickValues(current) : {}, pickValues(record)),
  });
  return {
    record: stored,
    replayed: stored.lastSubmissionId === entry.submissionId && stored.updatedAt !== at,
  };
}

/** The figures a person enters or corrects: what a history entry compares. */
export function pickValues(r: IncomeRecord): Record<string, unknown> {
  return {
    memberCount: r.memberCount,
    components: r.components,
    ...(r.fallCause ? { fallCause: r.fallCause } : {}),
    netIncome: r.netIncome,
    // In words, so the history reads 已录入 → 已审核 for the person looking at it.
    status: incomeStatusLabels[r.status],
  };
}
