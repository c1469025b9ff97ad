/** The monthly data-quality report: hand-counted figures in the PDF, valid PDF, delivered once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { recordRepository } from '#functions/store/records.repository.ts';
import { pageInk, pdfFonts, pdfText, qpdfCheck, squash } from '#reports/testing/pdf-inspect.ts';
import { county, loadFixture, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';
import { runJob } from './run.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses'] });
  await loadFixture(stack);
});
afterAll(async () => stack?.stop());

async function put(
  kind: string,
  id: string,
  townId: string,
  villageId: string | undefined,
  data: Record<string, unknown>,
) {
  const at = '2026-10-05T02:00:00.000Z';
  const r: StoredRecord = {
    kind,
    id,
    countyCode: county,
    townId,
    ...(villageId ? { villageId } : {}),
    ownerId: 'u',
    data,
    version: 1,
    createdAt: at,
    createdBy: 'u',
    updatedAt: at,
    updatedBy: 'u',
    updatedByName: '测试',
    lastSubmissionId: `s-${id}`,
    sourceForm: 'test',
  };
  await recordRepository.create(r, {
    submissionId: `s-${id}`,
    actorId: 'u',
    actorName: '测试',
    at,
    form: 'test',
    action: 'create',
    changes: [],
  });
}
const err = (status: string, patch: Record<string, unknown> = {}) => ({
  infoKind: 'basic',
  subjectType: 'household',
  householdId: 'H0000001',
  field: '户主姓名',
  wrongValue: '王建周',
  foundBy: 'department-comparison',
  foundOn: '2026-10-05',
  status,
  ...patch,
});

describe('data-quality job', () => {
  it('reports errors, staffing and spot checks of the month, and a re-run sends nothing twice', async () => {
    await put('data-error', 'E1', 'T01', 'T01V001', err('closed'));
    await put(
      'data-error',
      'E2',
      'T01',
      'T01V001',
      err('open', { infoKind: 'assistance', foundBy: 'phone-check' }),
    );
    await put(
      'data-error',
      'E3',
      'T02',
      'T02V001',
      err('closed', { householdId: 'H0000005', wrongValue: '610999198001011234' }),
    );
    await put('spot-check', 'S1', 'T01', 'T01V001', {
      method: 'questionnaire',
      checkedOn: '2026-10-09',
      villageId: 'T01V001',
      target: '柳树村',
      result: 'problems',
      problemCount: 2,
      problems: '两户人口不符',
      checkers: '张',
    });
    await put('info-officer', 'O1', 'T01', 'T01V001', {
      unitId: 'T01V001',
      name: '张',
      phone: '13800000000',
      startedOn: '2026-01-01',
      active: true,
    });

    const result = await runJob(
      { job: 'data-quality', period: '2026-10' },
      { config: demoCountyConfig, now: new Date('2026-11-01T00:30:00Z') },
    );
    expect(result.reports.map((r) => r.scope)).toEqual([county, 'T01', 'T02']);
    const pdf = result.files.find((f) => f.filename.endsWith('.pdf'))!.content;
    const text = squash((await pdfText(pdf)).text);
    // 3 found, 2 corrected (66.7%); staffing: T01 0/2, T02 0/2, T01V001 1/1, T01V002 0/1, T02V001 0/1 → 1 of 5 compliant (20.0%).
    for (const part of [
      '数据质量通报',
      '2026年10月',
      '共发现数据错误3条，已修正2条，修正率66.7%',
      '已达标1个',
      '本月开展抽查1次，发现问题2个',
      '表5信息员配备不足的单位',
      '东岭镇',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('610999198001011234');
    expect((await qpdfCheck(pdf)).code).toBe(0);
    const fonts = await pdfFonts(pdf);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true });
    for (const share of await pageInk(pdf)) expect(share).toBeGreaterThan(0.005);
    expect(result.deliveries.filter((d) => d.status === 'sent').map((d) => d.recipient)).toContain(
      'office@test.invalid',
    );

    const again = await runJob(
      { job: 'data-quality', period: '2026-10' },
      { config: demoCountyConfig, now: new Date('2026-11-01T00:30:00Z') },
    );
    expect(again.reports.every((r) => !r.created)).toBe(true);
    expect(again.deliveries.some((d) => d.status === 'sent')).toBe(false);
  });
});
