import { describe, expect, it } from 'vitest';
import {
  isProblemOverdue,
  problemUpdateIssues,
  problemUpdateSchema,
  visitEntrySchema,
  visitRuleIssues,
} from './visit.schema.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('visit entry', () => {
  const valid = {
    submissionId: '8a6e0f5c-3b1d-4c2e-9f00-1234567890ab',
    date: '2026-10-06',
    target: { kind: 'household', id: 'H0000001' },
    overnightStay: true,
    findings: '户主在家，了解收入和务工情况',
    problems: [{ category: 'housing', description: '厨房屋顶漏雨' }],
  };
  it('accepts a valid visit and refuses unknown fields', () => {
    expect(visitEntrySchema.safeParse(valid).success).toBe(true);
    expect(visitEntrySchema.safeParse({ ...valid, visitor: 'x' }).success).toBe(false);
  });
  it('refuses a date after today', () => {
    expect(codes(visitRuleIssues({ date: '2026-10-07' }, '2026-10-06'))).toEqual(['VISIT.DATE_IN_FUTURE']);
    expect(visitRuleIssues({ date: '2026-10-06' }, '2026-10-06')).toEqual([]);
  });
});

describe('problem update rules', () => {
  const ctx = { today: '2026-10-20', visitDate: '2026-10-06' };
  it('requires evidence and a completion date to close a problem', () => {
    expect(
      codes(problemUpdateIssues({ status: 'rectified', measures: '维修', deadline: '2026-10-30' }, ctx)),
    ).toEqual(['PROBLEM.EVIDENCE_REQUIRED', 'PROBLEM.COMPLETED_ON_REQUIRED']);
    expect(
      problemUpdateIssues(
        {
          status: 'rectified',
          measures: '维修',
          deadline: '2026-10-30',
          completedOn: '2026-10-18',
          evidence: '验收照片 3 张',
        },
        ctx,
      ),
    ).toEqual([]);
  });
  it('requires measures and a deadline while rectifying, and moves forward only', () => {
    expect(codes(problemUpdateIssues({ status: 'rectifying' }, ctx))).toEqual([
      'PROBLEM.MEASURES_REQUIRED',
      'PROBLEM.DEADLINE_REQUIRED',
    ]);
    expect(codes(problemUpdateIssues({ status: 'open' }, { ...ctx, currentStatus: 'rectifying' }))).toEqual([
      'PROBLEM.STATUS_BACKWARD',
    ]);
  });
  it('refuses dates in the future or before the visit', () => {
    expect(
      codes(
        problemUpdateIssues(
          {
            status: 'rectified',
            measures: 'm',
            deadline: '2026-10-01',
            completedOn: '2026-10-21',
            evidence: '验收记录',
          },
          ctx,
        ),
      ),
    ).toEqual(['PROBLEM.DEADLINE_BEFORE_FOUND', 'PROBLEM.COMPLETED_IN_FUTURE']);
  });
  it('turns empty optional fields into absent ones', () => {
    const p = problemUpdateSchema.parse({
      submissionId: '8a6e0f5c-3b1d-4c2e-9f00-1234567890ab',
      expectedVersion: 1,
      status: 'open',
      measures: ' ',
      deadline: '',
    });
    expect(p.measures).toBeUndefined();
    expect(p.deadline).toBeUndefined();
  });
  it('is overdue after, not on, the deadline day', () => {
    expect(isProblemOverdue({ status: 'rectifying', deadline: '2026-10-20' }, '2026-10-20')).toBe(false);
    expect(isProblemOverdue({ status: 'rectifying', deadline: '2026-10-20' }, '2026-10-21')).toBe(true);
    expect(isProblemOverdue({ status: 'rectified', deadline: '2026-10-20' }, '2026-10-21')).toBe(false);
  });
});
