/**
 * The petition-summary job on the stand-ins: monthly (county + each town),
 * quarterly and town-review slots kept apart, archived once and delivered once
 * per recipient on a re-run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { octoberOpinions, octoberPetitions } from '#domain/petitions/testing/petition-fixtures.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { recordRepository } from '#functions/store/records.repository.ts';
import { pdfText, squash } from '#reports/testing/pdf-inspect.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, startTestStack } from '#local/testing.ts';
import { runJob } from './run.ts';

let stack: Stack;
const now = new Date('2026-11-14T00:00:00Z');

function stored(
  kind: string,
  r: { id: string; townId?: string; villageId?: string; data: object },
  createdAt: string,
): StoredRecord {
  return {
    kind,
    id: r.id,
    countyCode: county,
    ...(r.townId ? { townId: r.townId } : {}),
    ...(r.villageId ? { villageId: r.villageId } : {}),
    data: r.data as Record<string, unknown>,
    version: 1,
    ownerId: 'office',
    createdAt,
    createdBy: 'office',
    updatedAt: createdAt,
    updatedBy: 'office',
    updatedByName: '郑主任',
    lastSubmissionId: `sub-${r.id}`,
    sourceForm: 'test',
  };
}

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses'] });
  await loadFixture(stack);
  for (const p of octoberPetitions) {
    const rec = stored('petition', p, `${p.data.receivedDate}T02:00:00.000Z`);
    await recordRepository.create(rec, {
      submissionId: rec.lastSubmissionId,
      actorId: 'office',
      actorName: '郑主任',
      at: rec.createdAt,
      form: 'test',
      action: 'create',
      changes: [],
    });
  }
  for (const o of octoberOpinions) {
    const rec = stored('opinion', o, `${o.data.discoveredDate}T02:00:00.000Z`);
    await recordRepository.create(rec, {
      submissionId: rec.lastSubmissionId,
      actorId: 'office',
      actorName: '郑主任',
      at: rec.createdAt,
      form: 'test',
      action: 'create',
      changes: [],
    });
  }
});
afterAll(async () => stack?.stop());

describe('petition-summary job', () => {
  it('publishes the monthly report for the county and each town, once', async () => {
    const first = await runJob(
      { job: 'petition-summary', period: '2026-10', variant: 'monthly' },
      { config: demoCountyConfig, now },
    );
    expect(first.reports.map((r) => [r.reportId, r.created])).toEqual([
      [`petition-summary.2026-10.${county}`, true],
      ['petition-summary.2026-10.T01', true],
      ['petition-summary.2026-10.T02', true],
    ]);
    const sent = first.deliveries.filter((d) => d.status === 'sent').map((d) => d.recipient);
    expect(sent).toEqual(
      expect.arrayContaining(['leader@test.invalid', 'office@test.invalid', 'town-t01@test.invalid']),
    );
    const countyPdf = first.files.find((f) => f.filename.endsWith('.pdf'))!;
    const text = squash((await pdfText(countyPdf.content)).text);
    expect(text).toContain('受理信访件5件');
    expect(text).toContain('逾期未办结2件');
    const again = await runJob(
      { job: 'petition-summary', period: '2026-10', variant: 'monthly' },
      { config: demoCountyConfig, now },
    );
    expect(again.reports.every((r) => !r.created)).toBe(true);
    expect(again.deliveries.filter((d) => d.status === 'sent')).toEqual([]);
  });

  it('keeps the quarterly report and the town review digests in their own slots', async () => {
    const q = await runJob(
      { job: 'petition-summary', period: '2026-10', variant: 'quarterly' },
      { config: demoCountyConfig, now },
    );
    expect(q.reports.map((r) => r.reportId)).toContain(`petition-summary.2026-Q4.${county}`);
    const review = await runJob(
      { job: 'petition-summary', date: '2026-11-04', variant: 'town-review' },
      { config: demoCountyConfig, now },
    );
    expect(review.reports.map((r) => r.reportId)).toEqual([
      'petition-summary.2026-11-04.T01',
      'petition-summary.2026-11-04.T02',
    ]);
    const t02 = squash(
      (
        await pdfText(
          review.files.find((f) => f.filename.includes('西川镇') && f.filename.endsWith('.pdf'))!.content,
        )
      ).text,
    );
    // Since the review of 24 October: P4 (received 10-20) is out, P7 (11-02) is in; P3 stays overdue.
    expect(t02).toContain('2026年10月24日至2026年11月3日');
    expect(t02).toContain('受理信访件1件');
    expect(t02).toContain('刘**');
  });

  it('names the quarter and the review day in the emails and on the reports, never 2026年NaN月', async () => {
    // Both runs above are archived; running them again only reads them back.
    const q = await runJob({ job: 'petition-summary', period: '2026-Q4' }, { config: demoCountyConfig, now });
    expect(q.reports.map((r) => r.title)).toContain('守望示范县2026年第四季度信访舆情汇总');
    const res = await fetch(`http://127.0.0.1:${stack.standins.ports.ses}/store`);
    const subjects = ((await res.json()) as { emails: { subject: string }[] }).emails.map((m) => m.subject);
    expect(subjects).toContain('【信访舆情汇总】守望示范县 2026年第四季度');
    expect(subjects).toContain('【信访舆情汇总】东岭镇 2026年11月4日');
    expect(subjects.filter((s) => /NaN/.test(s))).toEqual([]);
    const pdf = q.files.find((f) => f.filename.startsWith('守望示范县') && f.filename.endsWith('.pdf'))!;
    const cover = squash((await pdfText(pdf.content)).pages[0] ?? '');
    expect(cover).toContain('信访舆情汇总2026年第四季度');
    expect(cover).not.toContain('守望示范县守望示范县');
  });
});
