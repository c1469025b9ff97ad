/**
 * The data-quality forms against dynalite: error records (create, close with the
 * fix in the history), spot checks, the officer roster and staffing, joint
 * meetings, and the logic-rule run (a re-run stores no duplicates).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { makeIdNumber } from '#domain/org/id-number.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { keys } from '#functions/store/keys.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke } from '#local/api-gateway.ts';
import { county, loadFixture, signIn, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';

let stack: Stack;
let officer: string;
let otherOfficer: string;
let town: string;
let office: string;

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  officer = await signIn(stack, 'v-t01v001');
  otherOfficer = await signIn(stack, 'v-t02v001');
  town = await signIn(stack, 'town-t01');
  office = await signIn(stack, 'office');
});
afterAll(async () => stack?.stop());

type Res = Awaited<ReturnType<typeof invoke>>;
const call = (method: string, path: string, token: string | undefined, body?: unknown): Promise<Res> =>
  invoke(method, path, {
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function dump(): Promise<string> {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return JSON.stringify((out.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));
}

const issues = (r: Res) =>
  (r.json as { error: { code: string; issues: { path: string; message: string }[] } }).error;

/** Shared checks of every create route: 201, replay, each invalid field, out of scope. */
async function createContract(opts: {
  path: string;
  token: string;
  valid: () => Record<string, unknown>;
  invalid: [string, Record<string, unknown>, string][];
  outOfScope?: { token: string; body: () => Record<string, unknown> };
}) {
  const body = opts.valid();
  const first = await call('POST', opts.path, opts.token, body);
  expect(first.status, JSON.stringify(first.json)).toBe(201);
  const before = await dump();
  const again = await call('POST', opts.path, opts.token, body);
  expect(again.status).toBe(201);
  expect(again.headers['x-idempotent-replay']).toBe('true');
  expect(await dump()).toBe(before);
  for (const [name, patch, path] of opts.invalid) {
    const res = await call('POST', opts.path, opts.token, { ...opts.valid(), ...patch });
    expect(res.status, name).toBe(400);
    expect(issues(res).issues, name).toContainEqual(expect.objectContaining({ path }));
    expect(
      issues(res).issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message)),
      name,
    ).toBe(true);
  }
  if (opts.outOfScope) {
    const res = await call('POST', opts.path, opts.outOfScope.token, opts.outOfScope.body());
    expect(res.status).toBe(403);
  }
  expect(await dump()).toBe(before);
  return (first.json as { record: { id: string; version: number; villageId?: string; townId?: string } })
    .record;
}

const errorBody = (patch: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  infoKind: 'basic',
  subjectType: 'person',
  householdId: 'H0000001',
  personName: '王小明',
  field: '文化程度',
  wrongValue: '小学',
  rightValue: '初中',
  foundBy: 'department-comparison',
  foundOn: '2026-10-12',
  ...patch,
});

describe('error records (错误信息记录)', () => {
  let id = '';
  it('creates, replays, refuses each invalid field and other villages', async () => {
    const rec = await createContract({
      path: '/api/quality/errors',
      token: officer,
      valid: errorBody,
      invalid: [
        ['unknown info kind', { infoKind: 'other' }, 'infoKind'],
        ['person without a name', { personName: undefined }, 'personName'],
        ['empty field', { field: '  ' }, 'field'],
        ['logic-rule chosen by hand', { foundBy: 'logic-rule' }, 'foundBy'],
        ['bad date', { foundOn: '2026-13-01' }, 'foundOn'],
        ['status sent by the client', { status: 'closed' }, '(body)'],
        ['bad submission id', { submissionId: 'x' }, 'submissionId'],
      ],
      outOfScope: { token: otherOfficer, body: () => errorBody() },
    });
    expect(rec).toMatchObject({ villageId: 'T01V001', townId: 'T01', version: 1 });
    id = rec.id;
    const unknown = await call(
      'POST',
      '/api/quality/errors',
      officer,
      errorBody({ householdId: 'H9999999' }),
    );
    expect(unknown.status).toBe(404);
  });

  it('lists the error in the ledger of its village and town, not in another village', async () => {
    const mine = await call('GET', '/api/quality/errors?status=open', officer);
    expect((mine.json as { items: { id: string; statusLabel: string }[] }).items).toContainEqual(
      expect.objectContaining({ id, statusLabel: '待修正' }),
    );
    const townView = await call('GET', '/api/quality/errors', town);
    expect((townView.json as { total: number }).total).toBeGreaterThan(0);
    const other = await call('GET', '/api/quality/errors', otherOfficer);
    expect((other.json as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(id);
  });

  it('closes with the fix (shown in the history), refuses a stale version and a second close', async () => {
    const close = (v: number, patch: Record<string, unknown> = {}) => ({
      submissionId: randomUUID(),
      expectedVersion: v,
      rightValue: '初中',
      fixedOn: '2026-10-20',
      fixNote: '已在国家系统更正',
      ...patch,
    });
    const bad = await call('POST', `/api/quality/errors/${id}/close`, officer, close(1, { fixNote: '' }));
    expect(bad.status).toBe(400);
    const outside = await call('POST', `/api/quality/errors/${id}/close`, otherOfficer, close(1));
    expect(outside.status).toBe(403);
    const ok = await call('POST', `/api/quality/errors/${id}/close`, officer, close(1));
    expect(ok.status).toBe(200);
    expect((ok.json as { record: { data: { status: string }; version: number } }).record).toMatchObject({
      version: 2,
      data: { status: 'closed' },
    });
    const before = await dump();
    const stale = await call('POST', `/api/quality/errors/${id}/close`, town, close(1));
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: 'RECORD.VERSION_CONFLICT', currentVersion: 2 } });
    const twice = await call('POST', `/api/quality/errors/${id}/close`, town, close(2));
    expect(twice.status).toBe(409);
    expect(twice.json).toMatchObject({ error: { code: 'QUALITY.ERROR_ALREADY_CLOSED' } });
    expect(await dump()).toBe(before);
    const hist = await call('GET', `/api/quality/errors/${id}/history`, town);
    const h = (
      hist.json as {
        history: { version: number; change: { reason?: string; changes: { path: string; to: unknown }[] } }[];
      }
    ).history;
    expect(h).toHaveLength(2);
    expect(h[1]?.change.reason).toBe('已修正：已在国家系统更正');
    expect(h[1]?.change.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'status', to: 'closed' }),
        expect.objectContaining({ path: 'fixedOn', to: '2026-10-20' }),
      ]),
    );
  });

  it('exports the ledger as XLSX with ID numbers masked', async () => {
    const idNo = makeIdNumber('610999', '1985-05-05', 31);
    expect(
      (
        await call(
          'POST',
          '/api/quality/errors',
          officer,
          errorBody({ field: '身份证号码', wrongValue: idNo, rightValue: undefined }),
        )
      ).status,
    ).toBe(201);
    const res = await call('GET', '/api/quality/errors/export', town);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const list = await call('GET', '/api/quality/errors?q=身份证', town);
    const row = (list.json as { items: { wrongValue: string }[] }).items[0];
    expect(row?.wrongValue).not.toContain(idNo.slice(6, 14));
  });
});

describe('spot checks (抽查记录)', () => {
  const body = (patch: Record<string, unknown> = {}) => ({
    submissionId: randomUUID(),
    method: 'phone-check',
    checkedOn: '2026-10-15',
    villageId: 'T01V001',
    householdId: 'H0000001',
    target: '王建国户',
    result: 'problems',
    problemCount: 1,
    problems: '家庭人口数与实际不符',
    checkers: '孙镇干部',
    ...patch,
  });
  it('creates, replays, refuses each invalid field and other towns', async () => {
    await createContract({
      path: '/api/quality/spot-checks',
      token: town,
      valid: body,
      invalid: [
        ['bad method', { method: 'email' }, 'method'],
        ['consistent with problems', { result: 'consistent' }, 'problemCount'],
        ['problems without words', { problems: undefined }, 'problems'],
        ['negative count', { problemCount: -1 }, 'problemCount'],
        ['no checkers', { checkers: '' }, 'checkers'],
      ],
      outOfScope: { token: town, body: () => body({ villageId: 'T02V001', householdId: undefined }) },
    });
    const wrongVillage = await call(
      'POST',
      '/api/quality/spot-checks',
      town,
      body({ householdId: 'H0000004' }),
    );
    expect(wrongVillage.status).toBe(400);
    const list = await call('GET', '/api/quality/spot-checks', town);
    expect((list.json as { total: number }).total).toBe(1);
  });
});

describe('information-officer roster (信息员名册) and staffing', () => {
  const body = (patch: Record<string, unknown> = {}) => ({
    submissionId: randomUUID(),
    unitId: 'T01V001',
    name: '张信息员',
    phone: '13812345678',
    startedOn: '2026-01-01',
    ...patch,
  });
  it('adds, replays, refuses each invalid field and units of other towns', async () => {
    const rec = await createContract({
      path: '/api/quality/officers',
      token: town,
      valid: body,
      invalid: [
        ['bad phone', { phone: '12345' }, 'phone'],
        ['no name', { name: '' }, 'name'],
        ['bad unit', { unitId: 'x' }, 'unitId'],
      ],
      outOfScope: { token: town, body: () => body({ unitId: 'T02V001' }) },
    });
    const denied = await call('POST', '/api/quality/officers', officer, body());
    expect(denied.status).toBe(403);
    const list = await call('GET', '/api/quality/officers', town);
    expect((list.json as { items: { phone: string }[] }).items[0]?.phone).toBe('138****5678');

    const staffing = async () =>
      (await call('GET', '/api/quality/staffing', town)).json as {
        units: { unitId: string; required: number; actual: number; missing: number }[];
      };
    expect((await staffing()).units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: 'T01', required: 2, actual: 0, missing: 2 }),
        expect.objectContaining({ unitId: 'T01V001', required: 1, actual: 1, missing: 0 }),
      ]),
    );
    expect((await staffing()).units.map((u) => u.unitId)).not.toContain('T02');

    const remove = (v: number) => ({
      submissionId: randomUUID(),
      expectedVersion: v,
      endedOn: '2026-10-31',
      reason: '调离本村',
    });
    expect((await call('POST', `/api/quality/officers/${rec.id}/remove`, town, remove(1))).status).toBe(200);
    expect((await call('POST', `/api/quality/officers/${rec.id}/remove`, town, remove(1))).status).toBe(409);
    expect((await staffing()).units).toContainEqual(
      expect.objectContaining({ unitId: 'T01V001', actual: 0, missing: 1 }),
    );
    const hist = await call('GET', `/api/quality/officers/${rec.id}/history`, town);
    expect((hist.json as { history: { change: { reason?: string } }[] }).history[1]?.change.reason).toBe(
      '调离本村',
    );
  });
});

describe('joint meetings (数据质量联席会议)', () => {
  const body = (patch: Record<string, unknown> = {}) => ({
    submissionId: randomUUID(),
    heldOn: '2026-10-28',
    title: '第三季度数据质量联席会议',
    host: '郑主任',
    attendees: '县民政局、县医保局、县残联、各镇信息员',
    topics: '比对发现的错误信息修正情况',
    decisions: '11月10日前完成全部修正',
    ...patch,
  });
  it('creates, replays, refuses invalid fields and town staff', async () => {
    await createContract({
      path: '/api/quality/meetings',
      token: office,
      valid: body,
      invalid: [
        ['no title', { title: '' }, 'title'],
        ['bad date', { heldOn: '10/28' }, 'heldOn'],
        ['bad error ids', { errorIds: ['a b'] }, 'errorIds.0'],
      ],
    });
    expect((await call('POST', '/api/quality/meetings', town, body())).status).toBe(403);
    const list = await call('GET', '/api/quality/meetings', office);
    expect((list.json as { total: number }).total).toBe(1);
  });
});

describe('logic-rule run (逻辑校验)', () => {
  it('turns findings into error records of the responsible village, and a re-run adds none', async () => {
    const good = makeIdNumber('610999', '1970-03-03', 15);
    const bad = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    const person = (id: string, householdId: string, idNumber: string) => ({
      ...keys.person(county, `${idNumber}#${id}`),
      ...keys.personByHousehold(county, householdId, id),
      id,
      householdId,
      name: `成员${id}`,
      idNumber,
    });
    const items = [
      person('H0000001-01', 'H0000001', good),
      person('H0000005-01', 'H0000005', good),
      person('H0000004-01', 'H0000004', bad),
      {
        ...keys.income(county, '2026-10', 'T01V002', 'H0000004'),
        householdId: 'H0000004',
        villageId: 'T01V002',
        townId: 'T01',
        period: '2026-10',
        memberCount: 5,
        components: { wage: 1000, business: 0, property: 0, transfer: 0 },
        netIncome: 1000,
      },
    ];
    for (const Item of items) await dynamo().send(new PutCommand({ TableName: tableName(), Item }));

    const denied = await call('POST', '/api/quality/rule-runs', town, { period: '2026-10' });
    expect(denied.status).toBe(403);
    const first = await call('POST', '/api/quality/rule-runs', office, { period: '2026-10' });
    expect(first.status).toBe(200);
    // H0000001/4/5 each register more members than are on record (1 each).
    expect(first.json).toMatchObject({ created: 7, byRule: { DUP: 2, ID: 1, ZERO: 1, CNT: 3 } });
    const before = await dump();
    const again = await call('POST', '/api/quality/rule-runs', office, { period: '2026-10' });
    expect(again.json).toMatchObject({ findings: 7, created: 0 });
    expect(await dump()).toBe(before);

    // The village officer of T02V001 sees the duplicate found in their village, not the others.
    const theirs = await call('GET', '/api/quality/errors?status=open', otherOfficer);
    const ids = (theirs.json as { items: { id: string; foundBy: string }[] }).items;
    expect(ids.map((i) => i.id).sort()).toEqual(['QR-CNT-H0000005', 'QR-DUP-H0000005-01']);
    expect(ids[0]?.foundBy).toBe('逻辑校验');
  });
});
