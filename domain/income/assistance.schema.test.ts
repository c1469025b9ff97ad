import { describe, expect, it } from 'vitest';
import {
  applyAssistanceUpdate,
  assistanceCreateSchema,
  assistancePlanId,
  type AssistancePlan,
} from './assistance.schema.ts';

const plan: AssistancePlan = {
  householdId: 'H0000001',
  trigger: 'income-fall',
  cause: '户主务工中断',
  measures: ['推荐公益性岗位'],
  responsibleName: '孙镇干部',
  followUps: [],
};

describe('assistance ledger', () => {
  it('gives one plan id per household', () => {
    expect(assistancePlanId('H0000001')).toBe('AP-H0000001');
  });
  it('requires a cause, at least one measure and a responsible person, in Chinese', () => {
    const r = assistanceCreateSchema.safeParse({
      submissionId: crypto.randomUUID(),
      householdId: 'H0000001',
      trigger: 'income-fall',
      cause: '',
      measures: [],
      responsibleName: '',
    });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'cause:致贫返贫风险原因至少 2 个字',
        'measures:请至少填写一条帮扶措施',
        'responsibleName:责任人至少 2 个字',
      ]),
    );
  });
  it('adds follow-ups in date order and refuses a future date', () => {
    const u = { submissionId: crypto.randomUUID(), expectedVersion: 1 };
    const a = applyAssistanceUpdate(
      plan,
      { ...u, followUp: { date: '2026-11-20', result: '已上岗' } },
      '2026-11-28',
    );
    const b = applyAssistanceUpdate(
      a,
      { ...u, followUp: { date: '2026-11-10', result: '已联系' } },
      '2026-11-28',
    );
    expect(b.followUps.map((f) => f.date)).toEqual(['2026-11-10', '2026-11-20']);
    expect(() =>
      applyAssistanceUpdate(plan, { ...u, followUp: { date: '2026-12-01', result: '计划' } }, '2026-11-28'),
    ).toThrow(expect.objectContaining({ code: 'ASSISTANCE.FOLLOW_UP_FUTURE' }));
  });
});
