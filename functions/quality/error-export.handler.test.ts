/**
 * The reported defect of issue 13: a bank-card number typed into a data error's
 * notes reached the data-errors XLSX in full. The export, read back as a
 * spreadsheet program would, holds only the masked forms.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '#local/api-gateway.ts';
import type { Stack } from '#local/stack.ts';
import { loadFixture, signIn, startTestStack } from '#local/testing.ts';

let stack: Stack;
let officer: string;
let town: string;

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  officer = await signIn(stack, 'v-t01v001');
  town = await signIn(stack, 'town-t01');
});
afterAll(async () => stack?.stop());

const call = (method: string, path: string, token: string, body?: unknown) =>
  invoke(method, path, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Every text cell of the workbook, row by row. */
async function cellTexts(xlsx: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
  return out;
}

describe('GET /api/quality/errors/export', () => {
  it('masks a bank card, an ID and a phone number typed into the notes, and keeps amounts and dates', async () => {
    const card = '6222 0212 3456 7890 123';
    const created = await call('POST', '/api/quality/errors', officer, {
      submissionId: randomUUID(),
      infoKind: 'assistance',
      subjectType: 'household',
      householdId: 'H0000001',
      field: '补贴发放账户',
      wrongValue: '6217000012345678',
      rightValue: '6222021234567890123',
      foundBy: 'phone-check',
      foundOn: '2026-10-08',
      note: `户主称补贴打到工资卡${card}，身份证61012319900101123X，电话13912345678；补贴5690元于2026-10-08发放`,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);

    const res = await call('GET', '/api/quality/errors/export', town);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const cells = await cellTexts(res.body);
    const all = cells.join('\n');
    expect(cells).toContain(
      '户主称补贴打到工资卡6222***********0123，身份证610***********123X，电话139****5678；补贴5690元于2026-10-08发放',
    );
    expect(cells).toContain('6217********5678');
    expect(cells).toContain('6222***********0123');
    for (const full of [
      card,
      card.replaceAll(' ', ''),
      '6217000012345678',
      '13912345678',
      '0212',
      '19900101',
    ])
      expect(all).not.toContain(full);
  });
});
