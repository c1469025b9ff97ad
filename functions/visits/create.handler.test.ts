/**
 * The visit routes against dynalite: recording a visit (with its problems), the
 * duty-target picker, the ledgers, and the problem's rectification. Every refused
 * request is checked to change nothing in the table.
 */
import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDate } from '#domain/shared/period.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { tableName } from '#functions/store/table.ts';
import { loadVisitFixture } from '#functions/visits/visit-fixture.ts';
import { invoke } from '#local/api-gateway.ts';
import { county, loadFixture, signIn, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';

let stack: Stack;
const tokens: Record<string, string> = {};
const today = shanghaiDate(now());
const dayBefore = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  await loadVisitFixture(county);
  for (const u of ['v-t01v001', 'v-t02v001', 'town-t01', 'leader', 'auditor'])
    tokens[u] = await signIn(stack, u);
});
afterAll(async () => stack?.stop());

const call = (method: string, path: string, user: string | undefined, body?: unknown) =>
  invoke(method, path, {
    headers: {
      'content-type': 'application/json',
      ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

const visit = (patch: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  date: dayBefore(1),
  target: { kind: 'household', id: 'H0000001' },
  overnightStay: true,
  findings: '户主在家，了解务工收入和医疗保障情况',
  problems: [
    { category: 'housing', description: '厨房屋顶漏雨，需维修' },
    { category: 'medical', description: '慢病卡未办理' },
  ],
  ...patch,
});

async function dump(): Promise<string> {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return JSON.stringify((out.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));
}

interface Rec {
  id: string;
  version: number;
  villageId?: string;
  townId?: string;
  data: Record<string, unknown>;
}

describe('GET /api/visits/targets', () => {
  it("lists the caller's duty targets first", async () => {
    const res = await call('GET', '/api/visits/targets', 'town-t01');
    expect(res.status).toBe(200);
    const body = res.json as {
      mine: { kind: string; id: string; rules: string[] }[];
      others: { id: string }[];
    };
    expect(body.mine.map((t) => `${t.kind}:${t.id}`)).toEqual([
      'village:T01V001',
      'village:T01V002',
      'factory:T01F01',
      'household:H0000002',
    ]);
    expect(body.mine[0]?.rules).toEqual(['town-head']);
    expect(body.others.map((t) => t.id)).toEqual(['H0000001', 'H0000003', 'H0000004', 'H0000006']);
  });
  it('gives a village officer their paired household first and only their village', async () => {
    const res = await call('GET', '/api/visits/targets', 'v-t01v001');
    const body = res.json as { mine: { id: string; rules: string[] }[]; others: { id: string }[] };
    expect(body.mine).toMatchObject([{ id: 'H0000001', rules: ['local-cadre'] }]);
    expect(body.others.map((t) => t.id)).toEqual(['T01V001', 'H0000002', 'H0000003', 'H0000006']);
  });
});

describe('POST /api/visits', () => {
  it('stores the visit and one problem record per problem found', async () => {
    const v = visit();
    const res = await call('POST', '/api/visits', 'v-t01v001', v);
    expect(res.status).toBe(201);
    const { record, problems } = res.json as { record: Rec; problems: Rec[] };
    expect(record).toMatchObject({
      id: `V-${v.submissionId}`,
      version: 1,
      villageId: 'T01V001',
      townId: 'T01',
      data: {
        visitor: { name: expect.any(String), staffId: 'v-t01v001' },
        target: { kind: 'household', id: 'H0000001', name: '王建国', townId: 'T01', villageId: 'T01V001' },
        overnightStay: true,
        problemIds: [`P-${v.submissionId}-1`, `P-${v.submissionId}-2`],
      },
    });
    expect(problems.map((p) => [p.id, p.data.status, p.data.visitId, p.villageId])).toEqual([
      [`P-${v.submissionId}-1`, 'open', record.id, 'T01V001'],
      [`P-${v.submissionId}-2`, 'open', record.id, 'T01V001'],
    ]);
    const ledger = await call('GET', '/api/visits', 'town-t01');
    expect((ledger.json as { items: { id: string; targetName: string }[] }).items).toContainEqual(
      expect.objectContaining({ id: record.id, targetName: '王建国' }),
    );
  });

  it('answers a retry with the first result and stores nothing new', async () => {
    const v = visit();
    const first = await call('POST', '/api/visits', 'v-t01v001', v);
    expect(first.status).toBe(201);
    const before = await dump();
    const again = await call('POST', '/api/visits', 'v-t01v001', v);
    expect(again.status).toBe(201);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect((again.json as { record: unknown }).record).toEqual((first.json as { record: unknown }).record);
    expect(await dump()).toBe(before);
  });

  it.each([
    ['a date after today', { date: dayBefore(-1) }, 400, 'VALIDATION.FAILED', 'date'],
    ['a bad date', { date: '2026-13-01' }, 400, 'VALIDATION.FAILED', 'date'],
    ['a missing target', { target: undefined }, 400, 'VALIDATION.FAILED', 'target'],
    [
      'an unknown target kind',
      { target: { kind: 'school', id: 'T01V001' } },
      400,
      'VALIDATION.FAILED',
      'target.kind',
    ],
    ['no findings', { findings: '' }, 400, 'VALIDATION.FAILED', 'findings'],
    [
      'a problem without category',
      { problems: [{ description: '厨房屋顶漏雨' }] },
      400,
      'VALIDATION.FAILED',
      'problems.0.category',
    ],
    [
      'a problem too short',
      { problems: [{ category: 'housing', description: '漏' }] },
      400,
      'VALIDATION.FAILED',
      'problems.0.description',
    ],
    ['a visitor in the body', { visitor: { name: '冒名' } }, 400, 'VALIDATION.FAILED', '(body)'],
    ['a bad submission id', { submissionId: 'abc' }, 400, 'VALIDATION.FAILED', 'submissionId'],
    [
      'an unknown target',
      { target: { kind: 'household', id: 'H9999999' } },
      404,
      'VISIT.TARGET_NOT_FOUND',
      undefined,
    ],
    [
      'a factory given as a village',
      { target: { kind: 'village', id: 'T01F01' } },
      404,
      'VISIT.TARGET_NOT_FOUND',
      undefined,
    ],
  ])('refuses %s, storing nothing', async (_n, patch, status, code, path) => {
    const before = await dump();
    const res = await call('POST', '/api/visits', 'v-t01v001', visit(patch));
    expect(res.status).toBe(status);
    const body = res.json as {
      error: { code: string; issues: { path: string; code: string; message: string }[] };
    };
    expect(body.error.code).toBe(code);
    if (path) expect(body.error.issues).toContainEqual(expect.objectContaining({ path }));
    expect(body.error.issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
    expect(await dump()).toBe(before);
  });

  it('names the future-date rule by its code', async () => {
    const res = await call('POST', '/api/visits', 'v-t01v001', visit({ date: dayBefore(-1) }));
    expect(res.json).toMatchObject({
      error: { issues: [{ path: 'date', code: 'VISIT.DATE_IN_FUTURE', message: '走访日期不能晚于今天' }] },
    });
  });

  it('refuses invalid JSON, no token and the roles that record no visits themselves', async () => {
    const before = await dump();
    expect((await call('POST', '/api/visits', 'v-t01v001', '{"date": ')).json).toMatchObject({
      error: { code: 'REQUEST.INVALID_JSON' },
    });
    expect((await call('POST', '/api/visits', undefined, visit())).status).toBe(401);
    const auditor = await call('POST', '/api/visits', 'auditor', visit());
    expect(auditor.status).toBe(403);
    expect(auditor.json).toMatchObject({ error: { code: 'AUTH.ROLE_DENIED' } });
    // Leaders only read: the coordination office enters their visits for them.
    const leader = await call('POST', '/api/visits', 'leader', visit());
    expect(leader.status).toBe(403);
    expect(leader.json).toMatchObject({ error: { code: 'AUTH.ROLE_DENIED' } });
    expect(await dump()).toBe(before);
  });

  it('refuses a target outside the caller’s reach with 403', async () => {
    const before = await dump();
    for (const target of [
      { kind: 'household', id: 'H0000001' },
      { kind: 'factory', id: 'T01F01' },
    ]) {
      const res = await call('POST', '/api/visits', 'v-t02v001', visit({ target }));
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ error: { code: 'AUTH.OUT_OF_SCOPE' } });
    }
    expect(await dump()).toBe(before);
  });
});

describe('PUT /api/problems/{id}', () => {
  let problem: Rec;
  beforeAll(async () => {
    const res = await call(
      'POST',
      '/api/visits',
      'town-t01',
      visit({
        target: { kind: 'village', id: 'T01V002' },
        problems: [{ category: 'drinking-water', description: '村东头水管冬季冻裂' }],
      }),
    );
    problem = (res.json as { problems: Rec[] }).problems[0] as Rec;
  });
  const update = (patch: Record<string, unknown> = {}) => ({
    submissionId: randomUUID(),
    expectedVersion: 1,
    status: 'rectifying',
    measures: '更换保温水管',
    deadline: dayBefore(-10),
    ...patch,
  });
  const put = (user: string, body: unknown, id = problem.id) =>
    call('PUT', `/api/problems/${id}`, user, body);

  it('moves a problem into rectification and keeps the history', async () => {
    const u = update();
    const res = await put('town-t01', u);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      record: {
        version: 2,
        data: { status: 'rectifying', measures: '更换保温水管', category: 'drinking-water' },
      },
    });
    const again = await put('town-t01', u);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    const history = await call('GET', `/api/problems/${problem.id}/history`, 'town-t01');
    const entries = (
      history.json as { history: { version: number; change: { changes: { path: string }[] } }[] }
    ).history;
    expect(entries.map((e) => e.version)).toEqual([1, 2]);
    expect(entries[1]?.change.changes.map((c) => c.path)).toEqual(['deadline', 'measures', 'status']);
  });

  it('refuses a stale version with 409', async () => {
    const before = await dump();
    const res = await put('town-t01', update({ expectedVersion: 1, measures: '另一个措施' }));
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ error: { code: 'RECORD.VERSION_CONFLICT', currentVersion: 2 } });
    expect(await dump()).toBe(before);
  });

  it.each([
    [
      'closing without evidence',
      { status: 'rectified', completedOn: dayBefore(0) },
      'PROBLEM.EVIDENCE_REQUIRED',
      'evidence',
    ],
    [
      'closing without completion date',
      { status: 'rectified', evidence: '验收照片 3 张' },
      'PROBLEM.COMPLETED_ON_REQUIRED',
      'completedOn',
    ],
    [
      'a completion date after today',
      { status: 'rectified', evidence: '验收照片 3 张', completedOn: dayBefore(-1) },
      'PROBLEM.COMPLETED_IN_FUTURE',
      'completedOn',
    ],
    ['going back to open', { status: 'open' }, 'PROBLEM.STATUS_BACKWARD', 'status'],
    ['rectifying without measures', { measures: '' }, 'PROBLEM.MEASURES_REQUIRED', 'measures'],
    ['an unknown status', { status: 'done' }, 'invalid_value', 'status'],
    ['an unknown field', { villageId: 'T02V001' }, 'unrecognized_keys', '(body)'],
  ])('refuses %s with 400, storing nothing', async (_n, patch, code, path) => {
    const before = await dump();
    const res = await put('town-t01', update({ expectedVersion: 2, ...patch }));
    expect(res.status).toBe(400);
    expect((res.json as { error: { issues: unknown[] } }).error.issues).toContainEqual(
      expect.objectContaining({ code, path }),
    );
    expect(await dump()).toBe(before);
  });

  it('refuses another village’s officer with 403 and an unknown problem with 404', async () => {
    const before = await dump();
    const other = await put('v-t02v001', update({ expectedVersion: 2 }));
    expect(other.status).toBe(403);
    expect(other.json).toMatchObject({ error: { code: 'AUTH.OUT_OF_SCOPE' } });
    expect((await put('town-t01', update(), 'P-NOPE')).status).toBe(404);
    expect((await put('leader', update({ expectedVersion: 2 }))).status).toBe(403);
    expect(await dump()).toBe(before);
  });

  it('closes a problem with evidence; the ledger shows it rectified', async () => {
    const res = await put(
      'town-t01',
      update({
        expectedVersion: 2,
        status: 'rectified',
        completedOn: today,
        evidence: '新水管已安装，村委会验收记录第 12 号',
      }),
    );
    expect(res.status).toBe(200);
    const ledger = await call('GET', '/api/problems?status=rectified', 'town-t01');
    expect((ledger.json as { items: { id: string; statusLabel: string }[] }).items).toContainEqual(
      expect.objectContaining({ id: problem.id, statusLabel: '已整改' }),
    );
    const mine = await call('GET', '/api/problems', 'v-t02v001');
    expect((mine.json as { total: number }).total).toBe(0);
  });

  it('flags an overdue problem in the ledger and exports it', async () => {
    const res = await call(
      'POST',
      '/api/visits',
      'town-t01',
      visit({
        date: dayBefore(20),
        target: { kind: 'factory', id: 'T01F01' },
        problems: [{ category: 'employment', description: '车间用工不足' }],
      }),
    );
    const p = (res.json as { problems: Rec[] }).problems[0] as Rec;
    expect((await put('town-t01', update({ deadline: dayBefore(2) }), p.id)).status).toBe(200);
    const overdue = await call('GET', '/api/problems?overdue=true', 'town-t01');
    expect((overdue.json as { items: { id: string; overdue: boolean }[] }).items).toEqual([
      expect.objectContaining({ id: p.id, overdue: true }),
    ]);
    const xlsx = await call('GET', '/api/problems/export?overdue=true', 'town-t01');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
