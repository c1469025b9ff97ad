import { describe, expect, it } from 'vitest';
import { incomeEntrySchema } from './income.schema.ts';
import { toFieldIssues } from '../shared/zod-issues.ts';

const valid = {
  submissionId: '0b0f5a8e-3c1d-4d5e-9f6a-7b8c9d0e1f2a',
  period: '2026-10',
  householdId: 'H0000001',
  memberCount: 4,
  components: { wage: 2000, business: 350.5, property: 0, transfer: 120, businessCost: 80 },
  expectedVersion: 0,
};

function issues(input: unknown) {
  const r = incomeEntrySchema.safeParse(input);
  return r.success ? [] : toFieldIssues(r.error);
}

describe('incomeEntrySchema', () => {
  it('accepts a complete entry', () => {
    expect(issues(valid)).toEqual([]);
  });

  it.each([
    [
      'negative income',
      { components: { ...valid.components, wage: -1 } },
      'components.wage',
      '工资性收入不能为负数',
    ],
    [
      'three decimals',
      { components: { ...valid.components, transfer: 1.005 } },
      'components.transfer',
      '转移性收入最多保留两位小数',
    ],
    [
      'absurd income',
      { components: { ...valid.components, business: 5e6 } },
      'components.business',
      '生产经营性收入超过 100 万元，请核实',
    ],
    ['no members', { memberCount: 0 }, 'memberCount', '家庭人口数至少为 1'],
    ['fractional members', { memberCount: 2.5 }, 'memberCount', '家庭人口数应为整数'],
    ['bad period', { period: '2026-13' }, 'period', '月份格式应为 YYYY-MM，例如 2026-10'],
    ['bad household id', { householdId: 'x"; DROP' }, 'householdId', '请从列表中选择农户'],
    ['bad submission id', { submissionId: 'abc' }, 'submissionId', '提交编号无效，请刷新页面后重填'],
  ])('rejects %s with a Chinese message at the field', (_name, patch, path, message) => {
    const found = issues({ ...valid, ...patch });
    expect(found).toContainEqual(expect.objectContaining({ path, message }));
  });

  it('reports a missing component as a request to fill it', () => {
    const { wage: _wage, ...rest } = valid.components;
    void _wage;
    expect(issues({ ...valid, components: rest })).toContainEqual(
      expect.objectContaining({ path: 'components.wage', message: '请填写工资性收入（元），没有请填 0' }),
    );
  });

  it('rejects unknown fields instead of storing them', () => {
    expect(issues({ ...valid, villageId: 'T02V001' })).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys' }),
    );
  });

  it('requires a note when the fall cause is "other"', () => {
    expect(issues({ ...valid, fallCause: { kind: 'other' } })).toContainEqual(
      expect.objectContaining({ path: 'fallCause.note', message: '选择“其他”时请写明原因' }),
    );
    expect(issues({ ...valid, fallCause: { kind: 'other', note: '外出务工返乡' } })).toEqual([]);
  });
});
