/**
 * The town review (by the 7th) and the county comparison (by the 8th) are windows
 * like village entry: refused after their deadline as moved by the working
 * calendar, open again when the county reopens the period for the unit.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/roles.ts';
import { demoCountyConfig } from '../config/county-config.ts';
import { DomainError } from '../shared/errors.ts';
import type { Household } from '../org/org.schema.ts';
import type { IncomeRepository } from './income.port.ts';
import { flagIncomeByCounty, reviewIncome } from './income.review.ts';
import type { CountyRound, IncomeRecord } from './income.schema.ts';
import type { EntryWindow } from './income.window.ts';

const county = demoCountyConfig.countyCode;
const household = { id: 'H0000001', villageId: 'T01V001', townId: 'T01' } as Household;
const record = (countyRounds?: CountyRound[]): IncomeRecord => ({
  period: '2026-09',
  householdId: household.id,
  memberCount: 3,
  components: { wage: 2000, business: 0, property: 0, transfer: 100, businessCost: 0 },
  countyCode: county,
  villageId: 'T01V001',
  townId: 'T01',
  netIncome: 2100,
  perCapitaNet: 700,
  status: countyRounds ? 'flagged' : 'entered',
  version: 1,
  lastSubmissionId: '00000000-0000-4000-8000-000000000000',
  updatedBy: 'v-t01v001',
  updatedAt: '2026-10-05T02:00:00.000Z',
  enteredAt: '2026-10-05T02:00:00.000Z',
  sourceForm: 'income-entry',
  ...(countyRounds ? { countyRounds } : {}),
});

function repo(stored: IncomeRecord, windows: EntryWindow[] = []): IncomeRepository {
  return {
    findSubmission: async () => undefined,
    getHousehold: async () => household,
    getRecord: async (_c, period) => (period === stored.period ? stored : undefined),
    saveRecord: async (next) => next,
    listEntryWindows: async () => windows,
  };
}

const town: Principal = {
  userId: 'town-t01',
  name: '东岭镇审核员',
  countyCode: county,
  role: 'town-staff',
  unitId: 'T01',
  townId: 'T01',
};
const centre: Principal = {
  userId: 'centre',
  name: '县监测中心',
  countyCode: county,
  role: 'monitoring-centre',
  unitId: county,
};
const accept = {
  submissionId: '11111111-1111-4111-8111-111111111111',
  period: '2026-09',
  householdId: household.id,
  expectedVersion: 1,
  action: 'accept' as const,
};
const flag = {
  submissionId: '22222222-2222-4222-8222-222222222222',
  period: '2026-09',
  householdId: household.id,
  expectedVersion: 1,
  round: 1,
  note: '工资性收入与上月差异较大',
};
// Shanghai times: the September 2026 town review and county comparison both close on 8 October
// (the 7th is in the National Day holiday, the 8th is the first working day after it).
const on = (shanghai: string) => new Date(`${shanghai}+08:00`);

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('not refused');
}

describe('the town-review window', () => {
  it('accepts a review on the moved deadline day and refuses it the day after, with 409 INCOME.REVIEW_CLOSED', async () => {
    const deps = (now: Date) => ({ repo: repo(record()), config: demoCountyConfig, now });
    const ok = await reviewIncome(accept, town, deps(on('2026-10-08T23:59:00')));
    expect(ok.record.review?.action).toBe('accepted');
    const e = await refusal(reviewIncome(accept, town, deps(on('2026-10-09T00:00:00'))));
    expect(e).toMatchObject({
      code: 'INCOME.REVIEW_CLOSED',
      kind: 'conflict',
      details: { deadline: '2026-10-08' },
    });
    expect(e.message).toContain('镇级比对研判已于 2026-10-08 截止');
  });

  it('opens again while a county reopening of the period covers the town', async () => {
    const reopened: EntryWindow = {
      period: '2026-09',
      unitId: 'T01',
      until: '2026-10-20',
      reason: '补录漏报农户',
    };
    const deps = {
      repo: repo(record(), [reopened]),
      config: demoCountyConfig,
      now: on('2026-10-15T10:00:00'),
    };
    expect((await reviewIncome(accept, town, deps)).record.status).toBe('reviewed');
    const late = { ...deps, now: on('2026-10-21T10:00:00') };
    expect((await refusal(reviewIncome(accept, town, late))).code).toBe('INCOME.REVIEW_CLOSED');
  });

  it('lets the town answer a record the county sent back after its own deadline', async () => {
    const sentBack = record([
      { round: 1, note: '疑似漏报', at: '2026-10-08T02:00:00.000Z', byName: '县监测中心' },
    ]);
    const res = await reviewIncome(
      { ...accept, action: 'explain', reason: '入户核实，外出务工收入属实' },
      town,
      { repo: repo(sentBack), config: demoCountyConfig, now: on('2026-10-12T10:00:00') },
    );
    expect(res.record.review?.action).toBe('explained');
  });
});

describe('the county-comparison window', () => {
  it('refuses a comparison round after the moved deadline with 409 INCOME.COMPARISON_CLOSED', async () => {
    const deps = (now: Date) => ({ repo: repo(record()), config: demoCountyConfig, now });
    expect((await flagIncomeByCounty(flag, centre, deps(on('2026-10-08T16:00:00')))).record.status).toBe(
      'flagged',
    );
    const e = await refusal(flagIncomeByCounty(flag, centre, deps(on('2026-10-09T08:00:00'))));
    expect(e).toMatchObject({
      code: 'INCOME.COMPARISON_CLOSED',
      kind: 'conflict',
      details: { deadline: '2026-10-08' },
    });
    expect(e.message).toContain('县级比对已于 2026-10-08 截止');
  });
});
