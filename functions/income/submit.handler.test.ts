import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '#functions/platform/clients.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke } from '#local/api-gateway.ts';
import { addMonths, reportingPeriodAt } from '#domain/shared/period.ts';
import { loadFixture, signIn, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';

/** The fixture keeps the current reporting month open; the month after it is still before its deadline. */
const P = reportingPeriodAt(now());
const NEXT = addMonths(P, 1);

let stack: Stack;
let officer: string;
let otherOfficer: string;

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  officer = await signIn(stack, 'v-t01v001');
  otherOfficer = await signIn(stack, 'v-t02v001');
});
afterAll(async () => stack?.stop());

const entry = (patch: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  period: P,
  householdId: 'H0000001',
  memberCount: 4,
  components: { wage: 2400, business: 600, property: 0, transfer: 200, businessCost: 100 },
  expectedVersion: 0,
  ...patch,
});

const post = (token: string | undefined, body: unknown) =>
  invoke('POST', '/api/income', {
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Every item in the table, to prove a refused request changed nothing. */
async function dump(): Promise<string> {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return JSON.stringify((out.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));
}

/** The stored income records of one household for one month (scan order is not key order). */
async function incomeItems(householdId: string, period = P) {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return (out.Items ?? []).filter(
    (i) => String(i.pk).includes('#INC#') && i.householdId === householdId && i.period === period,
  );
}

describe('POST /api/income', () => {
  it('stores a valid entry with derived figures and returns 201', async () => {
    const e = entry();
    const res = await post(officer, e);
    expect(res.status).toBe(201);
    const { record } = res.json as { record: Record<string, unknown> };
    expect(record).toMatchObject({
      householdId: 'H0000001',
      villageId: 'T01V001',
      netIncome: 3100,
      perCapitaNet: 775,
      version: 1,
    });
    expect(record).not.toHaveProperty('pk');
    const stored = await incomeItems('H0000001');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      netIncome: 3100,
      lastSubmissionId: e.submissionId,
      updatedBy: expect.any(String),
    });
  });

  it('answers a retry with the first result and stores nothing new', async () => {
    const e = entry({ householdId: 'H0000002', memberCount: 2 });
    const first = await post(officer, e);
    expect(first.status).toBe(201);
    const before = await dump();
    const again = await post(officer, e);
    expect(again.status).toBe(201);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect((again.json as { record: unknown }).record).toEqual((first.json as { record: unknown }).record);
    expect(await dump()).toBe(before);
  });

  it('refuses a submission id reused for another household with 409, storing nothing', async () => {
    const e = entry({ householdId: 'H0000006', memberCount: 5, period: NEXT });
    expect((await post(officer, e)).status).toBe(201);
    const before = await dump();
    const reused = await post(
      officer,
      entry({ submissionId: e.submissionId, householdId: 'H0000001', period: NEXT }),
    );
    expect(reused.status).toBe(409);
    expect(reused.json).toMatchObject({ error: { code: 'SUBMISSION.REUSED' } });
    expect((reused.json as { error: { message: string } }).error.message).toContain('未保存');
    expect(await dump()).toBe(before);
  });

  it('refuses a stale version with 409 and keeps the newer record', async () => {
    const first = await post(officer, entry({ householdId: 'H0000006', memberCount: 5 }));
    expect(first.status).toBe(201);
    const v2 = await post(
      officer,
      entry({
        householdId: 'H0000006',
        memberCount: 5,
        expectedVersion: 1,
        components: { wage: 3000, business: 600, property: 0, transfer: 200, businessCost: 100 },
      }),
    );
    expect(v2.status).toBe(201);
    const before = await dump();
    const stale = await post(officer, entry({ householdId: 'H0000006', memberCount: 5, expectedVersion: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: 'INCOME.VERSION_CONFLICT', currentVersion: 2 } });
    expect(await dump()).toBe(before);
    const stored = await incomeItems('H0000006');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 2, netIncome: 3700 });
  });

  it('refuses a second first entry for the same household and month (409)', async () => {
    const res = await post(officer, entry());
    expect(res.status).toBe(409);
  });

  it.each([
    [
      'a negative income',
      { components: { wage: -5, business: 0, property: 0, transfer: 0, businessCost: 0 } },
      'components.wage',
    ],
    [
      'a missing component',
      { components: { wage: 5, business: 0, property: 0, transfer: 0 } },
      'components.businessCost',
    ],
    ['a bad period', { period: '2026/10' }, 'period'],
    ['zero members', { memberCount: 0 }, 'memberCount'],
    ['an unknown field', { villageId: 'T02V001' }, '(body)'],
  ])(
    'refuses %s with 400, the field path and a Chinese message, storing nothing',
    async (_n, patch, path) => {
      const before = await dump();
      const res = await post(officer, entry({ householdId: 'H0000001', ...patch }));
      expect(res.status).toBe(400);
      const body = res.json as { error: { code: string; issues: { path: string; message: string }[] } };
      expect(body.error.code).toBe('VALIDATION.FAILED');
      expect(body.error.issues).toContainEqual(expect.objectContaining({ path }));
      expect(body.error.issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
      expect(await dump()).toBe(before);
    },
  );

  it('refuses invalid JSON and invalid UTF-8 with 400', async () => {
    const bad = await post(officer, '{"period": ');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'REQUEST.INVALID_JSON' } });
    const res = await invoke('POST', '/api/income', {
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'REQUEST.INVALID_UTF8' } });
  });

  it('requires a cause when income falls sharply against the previous month', async () => {
    const before = await dump();
    const oct = entry({
      householdId: 'H0000002',
      memberCount: 2,
      period: NEXT,
      components: { wage: 1000, business: 0, property: 0, transfer: 0, businessCost: 0 },
    });
    // NEXT's previous month is P (3,100 yuan, stored above): a fall of 68%.
    const res = await post(officer, oct);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: { code: 'INCOME.FALL_CAUSE_REQUIRED', issues: [{ path: 'fallCause.kind' }] },
    });
    expect(await dump()).toBe(before);
    const withCause = await post(officer, { ...oct, fallCause: { kind: 'illness', note: '户主住院' } });
    expect(withCause.status).toBe(201);
  });

  it('refuses a household of another village with 403, whatever the body says', async () => {
    const before = await dump();
    const res = await post(otherOfficer, entry({ householdId: 'H0000001', expectedVersion: 1 }));
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: 'AUTH.OUT_OF_SCOPE' } });
    expect(await dump()).toBe(before);
  });

  it('refuses a request without a token with 401', async () => {
    const res = await post(undefined, entry());
    expect(res.status).toBe(401);
  });

  it('refuses an entry after the deadline with 409 INCOME.PERIOD_CLOSED and a Chinese message, storing nothing', async () => {
    const closed = addMonths(P, -2);
    const before = await dump();
    const res = await post(officer, entry({ householdId: 'H0000001', period: closed }));
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      error: { code: 'INCOME.PERIOD_CLOSED', message: expect.stringContaining('截止') },
    });
    expect(await dump()).toBe(before);
  });

  it('refuses an unknown household with 404', async () => {
    const res = await post(officer, entry({ householdId: 'H9999999' }));
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { code: 'INCOME.HOUSEHOLD_NOT_FOUND' } });
  });
});
