/**
 * The income cycle's routes against dynalite: town review (accept, correct with a
 * reason, flag, explain), county comparison rounds, the record's history, the
 * income ledger and its export, entry-window reopenings, and the assistance
 * ledger. Each: valid, invalid kinds, duplicate id, stale version, out of scope.
 */
import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { addMonths, reportingPeriodAt } from '#domain/shared/period.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke } from '#local/api-gateway.ts';
import { ensureUsers } from '#local/cognito.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, signIn, startTestStack, testPassword } from '#local/testing.ts';

const P = reportingPeriodAt(now());
let stack: Stack;
const tok: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  await ensureUsers(stack.standins.cognito!, [
    {
      username: 'centre',
      name: '冯监测',
      role: 'monitoring-centre',
      unitId: county,
      email: 'centre@test.invalid',
      countyCode: county,
      password: testPassword,
    },
  ]);
  for (const u of ['v-t01v001', 'v-t02v001', 'town-t01', 'office', 'centre', 'leader'])
    tok[u] = await signIn(stack, u);
}, 60_000);
afterAll(async () => stack?.stop());

const call = (method: 'GET' | 'POST' | 'PUT', path: string, user: string, body?: unknown) =>
  invoke(method, path, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok[user]}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function dump(): Promise<string> {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return JSON.stringify((out.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));
}

const comps = (wage: number) => ({ wage, business: 0, property: 0, transfer: 100, businessCost: 0 });
async function enter(householdId: string, memberCount: number, wage: number, period = P) {
  const res = await call('POST', '/api/income', 'v-t01v001', {
    submissionId: randomUUID(),
    period,
    householdId,
    memberCount,
    components: comps(wage),
    expectedVersion: 0,
  });
  expect(res.status).toBe(201);
  return (res.json as { record: { version: number } }).record;
}
const review = (patch: Record<string, unknown>) => ({
  submissionId: randomUUID(),
  period: P,
  householdId: 'H0000001',
  expectedVersion: 1,
  action: 'accept',
  ...patch,
});

describe('town review and county comparison', () => {
  beforeAll(async () => {
    await enter('H0000001', 4, 2000);
    await enter('H0000002', 2, 1500);
  });

  it.each([
    ['correct without a reason', { action: 'correct', components: comps(1800) }, 'reason'],
    ['correct without values', { action: 'correct', reason: '入户核实工资' }, 'components'],
    ['flag without a note', { action: 'flag' }, 'reason'],
    ['an unknown action', { action: 'delete' }, 'action'],
    [
      'a negative value',
      { action: 'correct', reason: '入户核实工资', components: comps(-1) },
      'components.wage',
    ],
  ])('refuses %s with 400 at the field, storing nothing', async (_n, patch, path) => {
    const before = await dump();
    const res = await call('POST', '/api/income/review', 'town-t01', review(patch));
    expect(res.status).toBe(400);
    expect((res.json as { error: { issues: { path: string }[] } }).error.issues).toContainEqual(
      expect.objectContaining({ path }),
    );
    expect(await dump()).toBe(before);
  });

  it('lets town staff correct a value with a reason; a retry stores nothing new; a stale version gets 409', async () => {
    const body = review({ action: 'correct', reason: '入户核实，工资应为 1800 元', components: comps(1800) });
    const res = await call('POST', '/api/income/review', 'town-t01', body);
    expect(res.status).toBe(200);
    expect((res.json as { record: unknown }).record).toMatchObject({
      version: 2,
      status: 'reviewed',
      netIncome: 1900,
      review: { action: 'corrected', reason: '入户核实，工资应为 1800 元' },
    });
    const before = await dump();
    const again = await call('POST', '/api/income/review', 'town-t01', body);
    expect(again.status).toBe(200);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect(await dump()).toBe(before);
    const stale = await call('POST', '/api/income/review', 'town-t01', review({ action: 'accept' }));
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: 'INCOME.VERSION_CONFLICT', currentVersion: 2 } });
    expect(await dump()).toBe(before);
  });

  it('keeps the original in the history, with who, why and what changed', async () => {
    const res = await call('GET', `/api/income/${P}/H0000001/history`, 'v-t01v001');
    expect(res.status).toBe(200);
    const { history } = res.json as {
      history: {
        version: number;
        record: { netIncome: number };
        change: {
          actorName: string;
          reason?: string;
          changes: { path: string; from: unknown; to: unknown }[];
        };
      }[];
    };
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(history[0]!.record.netIncome).toBe(2100);
    expect(history[1]!.change).toMatchObject({
      actorName: expect.any(String),
      reason: '入户核实，工资应为 1800 元',
    });
    expect(history[1]!.change.changes).toContainEqual({ path: 'components.wage', from: 2000, to: 1800 });
    expect((await call('GET', `/api/income/${P}/H0000001/history`, 'v-t02v001')).status).toBe(403);
  });

  it('refuses town staff a record of another town (403) and village officers the route (403)', async () => {
    const other = await call('POST', '/api/income', 'v-t02v001', {
      submissionId: randomUUID(),
      period: P,
      householdId: 'H0000005',
      memberCount: 3,
      components: comps(900),
      expectedVersion: 0,
    });
    expect(other.status).toBe(201);
    const before = await dump();
    const res = await call('POST', '/api/income/review', 'town-t01', review({ householdId: 'H0000005' }));
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: 'AUTH.OUT_OF_SCOPE' } });
    expect(
      (await call('POST', '/api/income/review', 'v-t01v001', review({ householdId: 'H0000002' }))).status,
    ).toBe(403);
    expect(await dump()).toBe(before);
  });

  it('records county rounds; the town must correct or explain, not just accept', async () => {
    const flag = {
      submissionId: randomUUID(),
      period: P,
      householdId: 'H0000002',
      expectedVersion: 1,
      round: 1,
      note: '人均收入明显高于本村',
    };
    expect((await call('POST', '/api/income/county-flags', 'town-t01', flag)).status).toBe(403);
    const res = await call('POST', '/api/income/county-flags', 'centre', flag);
    expect(res.status).toBe(200);
    expect((res.json as { record: unknown }).record).toMatchObject({
      status: 'flagged',
      countyRounds: [{ round: 1, note: '人均收入明显高于本村' }],
    });
    const dup = await call('POST', '/api/income/county-flags', 'centre', {
      ...flag,
      submissionId: randomUUID(),
      expectedVersion: 2,
    });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ error: { code: 'INCOME.ROUND_EXISTS' } });
    const bad = await call('POST', '/api/income/county-flags', 'centre', {
      ...flag,
      submissionId: randomUUID(),
      note: '',
    });
    expect(bad.status).toBe(400);
    const accept = await call(
      'POST',
      '/api/income/review',
      'town-t01',
      review({ householdId: 'H0000002', expectedVersion: 2 }),
    );
    expect(accept.status).toBe(400);
    expect(accept.json).toMatchObject({ error: { code: 'INCOME.COUNTY_FLAG_OPEN' } });
    const explain = await call(
      'POST',
      '/api/income/review',
      'town-t01',
      review({
        householdId: 'H0000002',
        expectedVersion: 2,
        action: 'explain',
        reason: '该户新增务工收入，属实',
      }),
    );
    expect(explain.status).toBe(200);
    expect((explain.json as { record: unknown }).record).toMatchObject({
      status: 'reviewed',
      countyRounds: [{ round: 1, response: { action: 'explained', note: '该户新增务工收入，属实' } }],
    });
    const round2 = await call('POST', '/api/income/county-flags', 'centre', {
      ...flag,
      submissionId: randomUUID(),
      expectedVersion: 3,
      round: 2,
    });
    expect(round2.status).toBe(200);
    expect((round2.json as { record: { countyRounds: unknown[] } }).record.countyRounds).toHaveLength(2);
  });

  it('shows the worklist with status, previous month and the same month last year', async () => {
    const res = await call('GET', `/api/households?period=${P}&village=T01V001`, 'town-t01');
    expect(res.status).toBe(200);
    const body = res.json as {
      window: { open: boolean };
      villages: { id: string }[];
      items: { id: string; status: string; countyNote: unknown; lastYear: unknown }[];
    };
    expect(body.window.open).toBe(true);
    expect(body.villages.map((v) => v.id)).toEqual(['T01V001', 'T01V002']);
    expect(Object.fromEntries(body.items.map((i) => [i.id, i.status]))).toEqual({
      H0000001: 'reviewed',
      H0000002: 'flagged',
      H0000006: 'missing',
    });
    expect(body.items.find((i) => i.id === 'H0000002')?.countyNote).toMatchObject({ round: 2 });
    expect((await call('GET', `/api/households?period=${P}&village=T02V001`, 'town-t01')).status).toBe(403);
  });

  it('opens the monitoring centre’s comparison on the first village, offering every village of the county', async () => {
    const res = await call('GET', `/api/households?period=${P}`, 'centre');
    expect(res.status).toBe(200);
    const body = res.json as { village: { id: string }; villages: { id: string }[]; items: unknown[] };
    expect(body.village.id).toBe('T01V001');
    expect(body.villages.map((v) => v.id)).toEqual(['T01V001', 'T01V002', 'T02V001']);
    expect(body.items.length).toBeGreaterThan(0);
  });
});

describe('income ledger', () => {
  it('lists the caller’s households for the month, filtered, sorted and paged', async () => {
    const res = await call('GET', `/api/income/ledger/${P}?status=missing&page=1&pageSize=2`, 'town-t01');
    expect(res.status).toBe(200);
    const body = res.json as { total: number; items: { householdId: string; statusLabel: string }[] };
    expect(body.items.map((i) => i.householdId)).toEqual(['H0000004', 'H0000006']);
    expect(body.items[0]?.statusLabel).toBe('未录入');
    const village = await call('GET', `/api/income/ledger/${P}?sort=netIncome&desc=true`, 'v-t02v001');
    expect((village.json as { items: { householdId: string }[] }).items.map((i) => i.householdId)).toEqual([
      'H0000005',
    ]);
    const county = await call('GET', `/api/income/ledger/${P}?town=T01&pageSize=2&page=2`, 'leader');
    expect(county.json).toMatchObject({ total: 4, page: 2 });
    expect((await call('GET', '/api/income/ledger/2026-13', 'leader')).status).toBe(400);
  });

  it('exports the filtered ledger as XLSX', async () => {
    const res = await invoke('GET', `/api/income/ledger/${P}/export?town=T01`, {
      headers: { authorization: `Bearer ${tok.office}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(4).value).toBe('户主');
    expect(ws.rowCount).toBe(5);
  });
});

describe('entry windows', () => {
  const closed = addMonths(P, -2);
  const reopen = (patch: Record<string, unknown> = {}) => ({
    submissionId: randomUUID(),
    period: closed,
    unitId: 'T01V002',
    until: '2099-01-31',
    reason: '补录新纳入监测户',
    ...patch,
  });

  it('refuses entry after the deadline, then accepts it once the county reopens it for the village', async () => {
    const entry = {
      period: closed,
      householdId: 'H0000004',
      memberCount: 5,
      components: comps(3000),
      expectedVersion: 0,
    };
    const refused = await call('POST', '/api/income', 'v-t01v001', { ...entry, submissionId: randomUUID() });
    expect(refused.status).toBe(403); // H0000004 is in T01V002: not the officer's village.
    const res = await call('POST', '/api/income/entry-windows', 'office', reopen());
    expect(res.status).toBe(201);
    expect((res.json as { record: unknown }).record).toMatchObject({
      kind: 'entry-window',
      villageId: 'T01V002',
      townId: 'T01',
      updatedBy: expect.any(String),
      data: { reason: '补录新纳入监测户' },
    });
    const list = await call('GET', '/api/income/entry-windows', 'office');
    expect((list.json as { total: number }).total).toBeGreaterThanOrEqual(3);
  });

  it('keeps other villages closed with INCOME.PERIOD_CLOSED', async () => {
    const res = await call('POST', '/api/income', 'v-t01v001', {
      submissionId: randomUUID(),
      period: closed,
      householdId: 'H0000001',
      memberCount: 4,
      components: comps(1000),
      expectedVersion: 0,
    });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ error: { code: 'INCOME.PERIOD_CLOSED' } });
  });

  it.each([
    ['a past end date', { until: '2020-01-01' }, 'until'],
    ['no reason', { reason: '' }, 'reason'],
    ['an unknown unit', { unitId: 'T09V009' }, 'unitId'],
  ])('refuses %s with 400', async (_n, patch, path) => {
    const res = await call('POST', '/api/income/entry-windows', 'office', reopen(patch));
    expect(res.status).toBe(400);
    expect((res.json as { error: { issues: { path: string }[] } }).error.issues).toContainEqual(
      expect.objectContaining({ path }),
    );
  });

  it('lets only the county reopen (403 for town staff)', async () => {
    expect((await call('POST', '/api/income/entry-windows', 'town-t01', reopen())).status).toBe(403);
  });
});

describe('assistance ledger', () => {
  const plan = (patch: Record<string, unknown> = {}) => ({
    submissionId: randomUUID(),
    householdId: 'H0000001',
    trigger: 'income-fall',
    cause: '户主务工中断',
    measures: ['推荐公益性岗位', '申请临时救助'],
    responsibleName: '孙镇干部',
    responsiblePhone: '13912345678',
    ...patch,
  });
  let version = 0;

  it('opens one plan per household; a retry replays; a second plan gets 409', async () => {
    const body = plan();
    const res = await call('POST', '/api/assistance', 'v-t01v001', body);
    expect(res.status).toBe(201);
    expect((res.json as { record: unknown }).record).toMatchObject({
      id: 'AP-H0000001',
      villageId: 'T01V001',
      townId: 'T01',
    });
    version = (res.json as { record: { version: number } }).record.version;
    const before = await dump();
    expect((await call('POST', '/api/assistance', 'v-t01v001', body)).headers['x-idempotent-replay']).toBe(
      'true',
    );
    expect(await dump()).toBe(before);
    expect((await call('POST', '/api/assistance', 'town-t01', plan())).status).toBe(409);
  });

  it.each([
    ['no measures', { measures: [] }, 'measures'],
    ['a bad phone', { responsiblePhone: '12345' }, 'responsiblePhone'],
    ['no cause', { cause: '' }, 'cause'],
  ])('refuses %s with 400', async (_n, patch, path) => {
    const res = await call(
      'POST',
      '/api/assistance',
      'v-t01v001',
      plan({ householdId: 'H0000002', ...patch }),
    );
    expect(res.status).toBe(400);
    expect((res.json as { error: { issues: { path: string }[] } }).error.issues).toContainEqual(
      expect.objectContaining({ path }),
    );
  });

  it('refuses a household of another village (403)', async () => {
    expect(
      (await call('POST', '/api/assistance', 'v-t02v001', plan({ householdId: 'H0000002' }))).status,
    ).toBe(403);
  });

  it('adds follow-ups conditionally on the version, with history; masks phones in the ledger', async () => {
    const up = {
      submissionId: randomUUID(),
      expectedVersion: version,
      followUp: { date: '2026-01-10', result: '已在村公益岗位上岗' },
    };
    const res = await call('PUT', '/api/assistance/AP-H0000001', 'town-t01', up);
    expect(res.status).toBe(200);
    expect(
      (await call('PUT', '/api/assistance/AP-H0000001', 'town-t01', { ...up, submissionId: randomUUID() }))
        .status,
    ).toBe(409);
    expect(
      (
        await call('PUT', '/api/assistance/AP-H0000001', 'v-t02v001', {
          ...up,
          submissionId: randomUUID(),
          expectedVersion: version + 1,
        })
      ).status,
    ).toBe(403);
    const future = await call('PUT', '/api/assistance/AP-H0000001', 'town-t01', {
      ...up,
      submissionId: randomUUID(),
      expectedVersion: version + 1,
      followUp: { date: '2099-01-01', result: '计划回访' },
    });
    expect(future.json).toMatchObject({ error: { code: 'ASSISTANCE.FOLLOW_UP_FUTURE' } });
    const hist = await call('GET', '/api/assistance/AP-H0000001/history', 'v-t01v001');
    expect((hist.json as { history: unknown[] }).history).toHaveLength(2);
    const list = await call('GET', '/api/assistance', 'leader');
    const items = (list.json as { items: Record<string, unknown>[] }).items;
    expect(items[0]).toMatchObject({
      householdId: 'H0000001',
      responsible: '孙镇干部 139****5678',
      followUpCount: 1,
    });
    expect(JSON.stringify(items)).not.toContain('13912345678');
  });
});
