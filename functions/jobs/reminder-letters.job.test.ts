/**
 * Reminder letters end to end on dynalite, s3rver and the SES stand-in: which
 * towns get a letter, its text, and numbering per year without gaps or repeats
 * under a re-run and a kill-and-rerun.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import type { JobVariant } from '#domain/system/schedules.ts';
import { recordRepository } from '#functions/store/records.repository.ts';
import { pdfText, qpdfCheck, squash } from '#reports/testing/pdf-inspect.ts';
import { county, loadFixture, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';
import { runJob } from './run.ts';
import { runReminderLetters } from './reminder-letters.job.ts';
import { bindLetterNumber, listBindings } from '../store/letter-numbers.repository.ts';
import type { JobContext } from './job.types.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses'] });
  await loadFixture(stack);
});
afterAll(async () => stack?.stop());

const now = new Date('2026-11-10T00:00:00Z');
// The daily overdue letters cover the days up to their date, so they take no period.
const run = (variant: JobVariant, date: string) =>
  runJob(
    { job: 'reminder-letters', variant, date, ...(variant === 'items-overdue' ? {} : { period: '2026-10' }) },
    { config: demoCountyConfig, now },
  );
const ctx = (variant: JobVariant, date: string): JobContext => ({
  period: '2026-10',
  date,
  variant,
  config: demoCountyConfig,
  now,
  progress: () => undefined,
  hooks: {},
});

async function problem(
  id: string,
  townId: string,
  villageId: string,
  deadline: string,
  data: Record<string, unknown> = {},
) {
  const at = '2026-10-01T00:00:00.000Z';
  await recordRepository.create(
    {
      kind: 'problem',
      id,
      countyCode: county,
      townId,
      villageId,
      ownerId: 'u',
      data: {
        category: 'housing',
        description: `问题${id}`,
        visitId: `V-${id}`,
        visitDate: '2026-10-01',
        foundBy: { userId: 'u', name: '测试' },
        target: { kind: 'village', id: villageId, name: '某村', townId, villageId },
        status: 'open',
        deadline,
        ...data,
      },
      version: 1,
      createdAt: at,
      createdBy: 'u',
      updatedAt: at,
      updatedBy: 'u',
      updatedByName: '测试',
      lastSubmissionId: `sub-${id}`,
      sourceForm: 'test',
    },
    {
      submissionId: `sub-${id}`,
      actorId: 'u',
      actorName: '测试',
      at,
      form: 'test',
      action: 'create',
      changes: [],
    },
  );
}

const numbers = async () =>
  (await listBindings(county))
    .filter((b) => b.year === 2026)
    .map((b) => b.number)
    .sort((a, b) => (a ?? 0) - (b ?? 0));

describe('reminder letters', () => {
  it('writes to each town whose villages missed the entry deadline, numbered 1 and 2', async () => {
    const result = await run('village-entry-overdue', '2026-11-07');
    expect(result.reports.map((r) => [r.scope, r.title])).toEqual([
      ['T01', '守衔提〔2026〕1号 关于按时完成农户收入信息录入的提醒函'],
      ['T02', '守衔提〔2026〕2号 关于按时完成农户收入信息录入的提醒函'],
    ]);
    const t01 = result.files.find(
      (f) => f.filename.endsWith('.pdf') && result.reports[0] && f.content.length > 0,
    )!;
    const text = squash((await pdfText(t01.content)).text);
    for (const part of [
      '守望示范县乡村振兴局',
      '守衔提〔2026〕1号',
      '东岭镇人民政府：',
      '截至11月7日，你镇2026年10月有以下事项未按期完成',
      '一、柳树村2026年10月收入信息应录入3户，截至录入期限仍有3户未录入，请于2026年11月10日前整改到位。',
      '二、杏花村2026年10月收入信息应录入1户',
      '特此函告。',
      '2026年11月7日',
    ])
      expect(text).toContain(part);
    expect((await qpdfCheck(t01.content)).code).toBe(0);
    // The town's staff get their town's letter; nobody else's.
    expect(
      result.deliveries.filter((d) => d.status === 'sent').map((d) => [d.reportId, d.recipient]),
    ).toContainEqual(['reminder-letter.2026-11-07.T01', 'town-t01@test.invalid']);
  });

  it('lists overdue problems and petitions, and a re-run sends nothing new and takes no number', async () => {
    await problem('P1', 'T01', 'T01V001', '2026-11-01');
    await problem('P2', 'T01', 'T01V002', '2026-11-20'); // not yet due
    await problem('P3', 'T01', 'T01V001', '2026-11-01', { status: 'rectified' });
    await problem('P4', 'T02', 'T02V001', '2026-11-03');
    const first = await run('items-overdue', '2026-11-08');
    expect(first.reports.map((r) => r.title.split(' ')[0])).toEqual([
      '守衔提〔2026〕3号',
      '守衔提〔2026〕4号',
    ]);
    const text = squash((await pdfText(first.files[0]!.content)).text);
    expect(text).toContain(
      '一、走访发现问题：柳树村10月1日走访发现的“问题P1”，办理期限为2026年11月1日，现已逾期，请于2026年11月11日前整改到位。',
    );
    expect(text).not.toContain('问题P2');
    expect(text).not.toContain('问题P3');
    const again = await run('items-overdue', '2026-11-08');
    expect(again.reports.map((r) => r.created)).toEqual([false, false]);
    expect(again.deliveries.every((d) => d.status !== 'sent')).toBe(true);
    expect(await numbers()).toEqual([1, 2, 3, 4]);
    // The next day, items already in a letter are not reminded of again.
    const next = await run('items-overdue', '2026-11-09');
    expect(next.reports).toEqual([]);
  });

  it('keeps numbers without gaps when a run is killed after taking a number', async () => {
    await problem('P5', 'T01', 'T01V001', '2026-11-09');
    await problem('P6', 'T02', 'T02V001', '2026-11-09');
    let kills = 0;
    const killed = runReminderLetters(ctx('items-overdue', '2026-11-10'), {
      numbering: {
        afterCounter: () => {
          kills += 1;
          throw new Error('killed');
        },
      },
    });
    await expect(killed).rejects.toThrow('killed');
    expect(kills).toBe(1);
    const rerun = await run('items-overdue', '2026-11-10');
    expect(rerun.reports.map((r) => r.title.split(' ')[0])).toEqual([
      '守衔提〔2026〕5号',
      '守衔提〔2026〕6号',
    ]);
    expect(await numbers()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('completes a killed letter’s number when another letter comes first', async () => {
    const content = (townId: string) => ({
      townId,
      date: '2027-01-05',
      variant: 'items-overdue',
      title: 't',
      addressee: 'a',
      intro: 'i',
      closing: 'c',
      items: [],
    });
    await expect(
      bindLetterNumber(county, 2027, '2027-01-05.T01', content('T01'), {
        afterCounter: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const b = await bindLetterNumber(county, 2027, '2027-01-05.T02', content('T02'));
    expect(b.number).toBe(2);
    const a = await bindLetterNumber(county, 2027, '2027-01-05.T01', content('T01'));
    expect(a.number).toBe(1);
    const again = await bindLetterNumber(county, 2027, '2027-01-05.T02', content('T02'));
    expect(again.number).toBe(2);
  });
});
