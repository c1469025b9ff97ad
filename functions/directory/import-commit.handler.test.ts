/**
 * The directory's handlers against the stand-ins (dynalite, cognito-local):
 * import preview and commit, re-import, household edit with versions, scope,
 * /api/me, and staff accounts.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importChunkBytes } from '#domain/directory/import.ts';
import { makeIdNumber } from '#domain/org/id-number.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { staffItem } from '#functions/store/directory.writer.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke } from '#local/api-gateway.ts';
import { ensureUsers } from '#local/cognito.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, signIn, startTestStack, testPassword } from '#local/testing.ts';

let stack: Stack;
let admin: string;
let officer: string;
let otherOfficer: string;

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  const a = {
    username: 'admin',
    name: '钱管理员',
    role: 'county-admin' as const,
    unitId: county,
    email: 'admin@test.invalid',
  };
  await batchPut([staffItem(county, { id: 'S-ADMIN', active: true, ...a })]);
  await ensureUsers(stack.standins.cognito!, [{ ...a, countyCode: county, password: testPassword }]);
  admin = await signIn(stack, 'admin');
  officer = await signIn(stack, 'v-t01v001');
  otherOfficer = await signIn(stack, 'v-t02v001');
});
afterAll(async () => stack?.stop());

const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
  invoke(method, path, {
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads in chunks and runs the check, as the import page does. */
async function upload(kind: string, filename: string, bytes: Buffer, token = admin) {
  const id = randomUUID();
  const total = Math.ceil(bytes.length / importChunkBytes);
  for (let i = 0; i < total; i++) {
    const data = bytes.subarray(i * importChunkBytes, (i + 1) * importChunkBytes).toString('base64');
    const res = await call('PUT', `/api/imports/${id}/chunks`, token, {
      kind,
      filename,
      size: bytes.length,
      total,
      index: i,
      data,
    });
    if (res.status !== 200) return { id, preview: res };
  }
  return { id, preview: await call('POST', `/api/imports/${id}/preview`, token) };
}

async function commitAll(id: string, mode: string, batches: number) {
  const out = [];
  for (let b = 0; b < Math.max(1, batches); b++)
    out.push(await call('POST', `/api/imports/${id}/commit`, admin, { mode, batch: b }));
  return out;
}

/** Directory items only (households, people, staff, org, history), to prove what an import changed. */
async function directoryDump(): Promise<string> {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return JSON.stringify(
    (out.Items ?? [])
      .filter((i) => /#(HH|PID|STAFF|ORG|HIST)#?/.test(String(i.pk)))
      .sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)),
  );
}

const hhHeader = ['户编号', '村/社区', '户主姓名', '户类别', '监测对象类别', '家庭人口', '重点人群'];
const pHeader = ['户编号', '姓名', '身份证号码', '与户主关系', '联系电话'];
const idA = makeIdNumber('610999', '1966-02-03', 13);
const idB = makeIdNumber('610999', '1990-07-08', 24);

describe('import', () => {
  it('previews with a row-by-row error list and writes nothing; "nothing until fixed" refuses', async () => {
    const before = await directoryDump();
    const file = await xlsx(hhHeader, [
      ['H1000001', 'T01V001', '郑新户', '脱贫户', '', 3, ''],
      ['H1000002', '不存在村', '冯某', '脱贫户', '', 2, ''],
      ['H1000003', 'T01V002', '', '一般农户', '', 'x', ''],
    ]);
    const { id, preview } = await upload('households', '农户.xlsx', file);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ rows: 3, validRows: 1, invalidRows: 2, fatal: false, batches: 1 });
    const issues = (preview.json as { issues: { row: number; column: string; code: string }[] }).issues;
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'B 村/社区', 'IMPORT.UNKNOWN_VILLAGE'],
      [4, 'C 户主姓名', 'IMPORT.REQUIRED'],
      [4, 'F 家庭人口', 'IMPORT.WRONG_TYPE'],
    ]);
    expect(await directoryDump()).toBe(before);
    const [refused] = await commitAll(id, 'all-or-nothing', 1);
    expect(refused?.status).toBe(409);
    expect(refused?.json).toMatchObject({ error: { code: 'IMPORT.HAS_ERRORS' } });
    expect(await directoryDump()).toBe(before);
    const [ok] = await commitAll(id, 'valid-rows', 1);
    expect(ok?.json).toMatchObject({ created: 1, updated: 0, unchanged: 0, done: true });
  });

  it('imports people and staff; a re-import of the same file changes nothing', async () => {
    const people = await xlsx(pHeader, [
      ['H1000001', '郑新户', idA, '户主', '13800138000'],
      ['H1000001', '郑小妹', idB, '之女', ''],
    ]);
    const first = await upload('people', '成员.xlsx', people);
    expect(first.preview.json).toMatchObject({ validRows: 2, invalidRows: 0 });
    expect(JSON.stringify(first.preview.json)).not.toContain(idA);
    const [w] = await commitAll(first.id, 'all-or-nothing', 1);
    expect(w?.json).toMatchObject({ created: 2 });
    const before = await directoryDump();
    const again = await upload('people', '成员.xlsx', people);
    const [w2] = await commitAll(again.id, 'all-or-nothing', 1);
    expect(w2?.json).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await directoryDump()).toBe(before);
    // The same person in another household is refused, against the store.
    const dup = await upload(
      'people',
      '成员2.xlsx',
      await xlsx(pHeader, [['H0000002', '郑新户', idA, '户主', '']]),
    );
    expect((dup.preview.json as { issues: { code: string }[] }).issues[0]?.code).toBe(
      'IMPORT.DUPLICATE_PERSON',
    );
  });

  it('refuses a wrong header as fatal, and a file over the size limit before storing it', async () => {
    const bad = await upload('households', 'x.xlsx', await xlsx(['编号', '户主'], [['H1', '王']]));
    expect(bad.preview.json).toMatchObject({
      fatal: true,
      validRows: 0,
      issues: expect.arrayContaining([
        expect.objectContaining({ code: 'IMPORT.BAD_HEADER', column: '户编号' }),
      ]),
    });
    const big = await call('PUT', `/api/imports/${randomUUID()}/chunks`, admin, {
      kind: 'households',
      filename: 'big.csv',
      size: 50 * 1024 * 1024,
      total: 1,
      index: 0,
      data: 'AA==',
    });
    expect(big.status).toBe(400);
    expect(JSON.stringify(big.json)).toContain('MB 的上限');
  });

  it('reads a GBK CSV', async () => {
    // “户编号,村/社区,户主姓名,户类别,家庭人口” needs many characters: build it from an XLSX round trip instead is not CSV,
    // so the GBK bytes come from Node's decoder in reverse: find each character's GB18030 code by search.
    const dec = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    for (let hi = 0xb0; hi <= 0xf7; hi++)
      for (let lo = 0xa1; lo <= 0xfe; lo++) table.set(dec.decode(Uint8Array.from([hi, lo])), [hi, lo]);
    for (let hi = 0xa1; hi <= 0xa9; hi++)
      for (let lo = 0xa1; lo <= 0xfe; lo++) table.set(dec.decode(Uint8Array.from([hi, lo])), [hi, lo]);
    const text = '户编号,村/社区,户主姓名,户类别,家庭人口\r\nH1000009,柳树村,钱多多,一般农户,2\r\n';
    const bytes = Buffer.from(
      [...text].flatMap((ch) => (ch.charCodeAt(0) < 128 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))),
    );
    const { preview } = await upload('households', '农户.csv', bytes);
    expect(preview.json).toMatchObject({
      encoding: 'gbk',
      validRows: 1,
      invalidRows: 0,
      sample: [{ 户主姓名: '钱多多' }],
    });
  });

  it('is for the county administrator only', async () => {
    const res = await call('POST', `/api/imports/${randomUUID()}/preview`, officer);
    expect(res.status).toBe(403);
  });
});

describe('households', () => {
  it('finds a household by name and shows members with masked ID numbers', async () => {
    const found = await call('GET', `/api/directory/households?q=${encodeURIComponent('郑新户')}`, admin);
    expect(found.json).toMatchObject({ total: 1, items: [{ id: 'H1000001', villageName: '柳树村' }] });
    const byId = await call('GET', `/api/directory/households?q=${idB}`, admin);
    expect(byId.json).toMatchObject({ items: [{ id: 'H1000001' }] });
    const page = await call('GET', '/api/directory/households/H1000001', officer);
    expect(page.status).toBe(200);
    const text = JSON.stringify(page.json);
    expect(text).not.toContain(idA);
    expect(text).toContain(`${idA.slice(0, 3)}***********${idA.slice(-4)}`);
    expect(text).not.toContain('13800138000');
  });

  it('refuses another village’s household with 403', async () => {
    expect((await call('GET', '/api/directory/households/H0000001', otherOfficer)).status).toBe(403);
    const res = await call('PUT', '/api/directory/households/H0000001', otherOfficer, {
      submissionId: randomUUID(),
      expectedVersion: 1,
      reason: '核实',
      headName: '王建国',
      category: 'alleviated',
      memberCount: 5,
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: 'AUTH.OUT_OF_SCOPE' } });
  });

  it('edits with a reason (history kept), replays idempotently, and refuses a stale version with 409', async () => {
    const edit = {
      submissionId: randomUUID(),
      expectedVersion: 1,
      reason: '新生儿落户',
      headName: '王建国',
      category: 'alleviated',
      memberCount: 5,
    };
    const ok = await call('PUT', '/api/directory/households/H0000001', officer, edit);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ version: 2, household: { memberCount: 5 } });
    const replay = await call('PUT', '/api/directory/households/H0000001', officer, edit);
    expect(replay.headers['x-idempotent-replay']).toBe('true');
    const before = await directoryDump();
    const stale = await call('PUT', '/api/directory/households/H0000001', officer, {
      ...edit,
      submissionId: randomUUID(),
      memberCount: 6,
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { currentVersion: 2 } });
    expect(await directoryDump()).toBe(before);
    const page = await call('GET', '/api/directory/households/H0000001', officer);
    expect(page.json).toMatchObject({
      version: 2,
      history: [
        {
          version: 2,
          reason: '新生儿落户',
          by: expect.any(String),
          changes: [{ path: 'memberCount', from: 4, to: 5 }],
        },
      ],
    });
    const noReason = await call('PUT', '/api/directory/households/H0000001', officer, {
      ...edit,
      submissionId: randomUUID(),
      expectedVersion: 2,
      reason: '',
    });
    expect(noReason.status).toBe(400);
  });
});

describe('me and accounts', () => {
  it('names the caller’s unit', async () => {
    const me = await call('GET', '/api/me', officer);
    expect(me.json).toMatchObject({
      name: '张信息员',
      unitId: 'T01V001',
      unitName: '柳树村',
      townName: '东岭镇',
      roleLabel: '村/社区信息员',
    });
  });

  it('creates accounts from the staff list with a forced password change, and disables them', async () => {
    const staff = await upload(
      'staff',
      '人员.xlsx',
      await xlsx(
        ['人员编号', '姓名', '系统角色', '职务类别', '所在单位', '手机号码', '电子邮箱', '登录名'],
        [
          [
            'S0100',
            '新信息员',
            '村/社区信息员',
            '信息员',
            'T01V002',
            '13900001111',
            'new@test.invalid',
            'new-officer',
          ],
        ],
      ),
    );
    await commitAll(staff.id, 'all-or-nothing', 1);
    const created = await call('POST', '/api/accounts', admin, { staffIds: ['S0100'] });
    const result = (created.json as { results: { outcome: string; temporaryPassword: string }[] })
      .results[0]!;
    expect(result.outcome).toBe('created');
    const c = stack.standins.cognito!;
    const first = await c.client.send(
      new InitiateAuthCommand({
        ClientId: c.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'new-officer', PASSWORD: result.temporaryPassword },
      }),
    );
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const list = await call('GET', '/api/accounts?q=new-officer', admin);
    expect(list.json).toMatchObject({
      items: [{ id: 'S0100', account: 'must-change-password', phoneMasked: '139****1111' }],
    });
    const off = await call('POST', '/api/accounts/disable', admin, { staffIds: ['S0100'] });
    expect(off.json).toMatchObject({ results: [{ outcome: 'disabled' }] });
    const after = await call('GET', '/api/accounts?q=new-officer', admin);
    expect(after.json).toMatchObject({ items: [{ active: false, account: 'disabled' }] });
    await expect(
      c.client.send(
        new InitiateAuthCommand({
          ClientId: c.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'new-officer', PASSWORD: result.temporaryPassword },
        }),
      ),
    ).rejects.toThrow();
  });

  it('shows staffing shortfalls', async () => {
    const res = await call('GET', '/api/directory/staffing', admin);
    expect(res.status).toBe(200);
    expect((res.json as { shortfalls: { unitId: string }[] }).shortfalls.map((s) => s.unitId)).toContain(
      'T02',
    );
  });

  it('exports a directory list as XLSX', async () => {
    const res = await call('GET', '/api/directory/export?list=households', admin);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe('户编号');
  });
});
