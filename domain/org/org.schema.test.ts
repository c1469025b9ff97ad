import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.ts';
import {
  categoryOn,
  checkedHouseholdSchema,
  householdConsistencyIssues,
  householdFlagLabels,
  householdFlags,
  monitoredTypeLabels,
  monitoredTypes,
  personFlagLabels,
  personFlags,
  personSchema,
  relationLabels,
  relations,
  settlementTypeLabels,
  settlementTypes,
  type Household,
} from './org.schema.ts';
import {
  reportKindLabels,
  reportKinds,
  staffPositionLabels,
  staffPositions,
  staffSchema,
} from './staff.schema.ts';
import {
  assignmentKindLabels,
  assignmentKinds,
  assignmentKey,
  dutyAssignmentSchema,
} from '../duties/duty.schema.ts';

const base: Household = {
  id: 'H0000001',
  villageId: 'T01V001',
  townId: 'T01',
  headName: '张三',
  category: 'monitored',
  memberCount: 3,
  monitoredType: 'sudden',
  statusHistory: [
    { date: '2014-10-01', to: 'ordinary', reason: '农户信息采集' },
    {
      date: '2026-03-15',
      from: 'ordinary',
      to: 'monitored',
      monitoredType: 'sudden',
      reason: '因病支出骤增',
    },
  ],
};

describe('household rules', () => {
  it('accepts a consistent household', () => {
    expect(householdConsistencyIssues(base)).toEqual([]);
    expect(checkedHouseholdSchema.safeParse(base).success).toBe(true);
  });

  it('needs a sub-type for monitored households and refuses it for others', () => {
    const { monitoredType: _omit, ...noType } = base;
    expect(householdConsistencyIssues(noType).map((i) => i.message)).toEqual(['监测户须选择监测对象类别']);
    const ordinary = { ...base, category: 'ordinary' as const, statusHistory: [] };
    expect(householdConsistencyIssues(ordinary).map((i) => i.message)).toEqual([
      '只有监测户才有监测对象类别',
    ]);
  });

  it('refuses duplicate flags, history out of order and a history that ends elsewhere', () => {
    const bad: Household = {
      ...base,
      flags: ['dibao', 'dibao'],
      statusHistory: [
        { date: '2026-03-15', to: 'ordinary', reason: '农户信息采集' },
        { date: '2014-10-01', from: 'ordinary', to: 'alleviated', reason: '脱贫' },
      ],
    };
    const result = checkedHouseholdSchema.safeParse(bad);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['flags', '重点人群类别重复'],
      ['statusHistory.1.date', '状态变更记录应按日期先后排列'],
      ['statusHistory', '最近一次状态变更后的类别与当前类别不一致'],
    ]);
  });

  it('reads the category on a date from the history', () => {
    expect(categoryOn(base, '2013-01-01')).toBeUndefined();
    expect(categoryOn(base, '2026-03-14')).toBe('ordinary');
    expect(categoryOn(base, '2026-03-15')).toBe('monitored');
    expect(categoryOn({ category: 'alleviated' }, '1999-01-01')).toBe('alleviated');
  });
});

describe('personSchema', () => {
  const person = {
    id: 'H0000001-01',
    countyCode: '610999',
    householdId: 'H0000001',
    name: '张三',
    idNumber: makeIdNumber('610999', '1970-05-04', 11).toLowerCase(),
    relation: 'head',
    phone: '138 1234 5678',
  };

  it('normalises the ID number and phone', () => {
    const parsed = personSchema.parse(person);
    expect(parsed.idNumber).toBe(person.idNumber.toUpperCase());
    expect(parsed.phone).toBe('13812345678');
  });

  it('speaks Chinese about bad fields', () => {
    const result = personSchema.safeParse({
      ...person,
      idNumber: '610999199002301234',
      relation: 'cousin',
      phone: '12',
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['idNumber', '身份证号码中的出生日期不是有效日期'],
      ['relation', '请选择与户主关系'],
      ['phone', '电话号码应为 11 位手机号或带区号的固定电话'],
    ]);
  });
});

describe('staff and assignments', () => {
  it('validates a staff record', () => {
    const s = {
      id: 'S00001',
      countyCode: '610999',
      name: '李四',
      role: 'village-officer',
      position: 'information-officer',
      unitId: 'T01V001',
      townId: 'T01',
      email: 'v-t01v001@demo.shouwang.invalid',
      username: 'v-T01V001',
      active: true,
    };
    expect(staffSchema.safeParse(s).error?.issues.map((i) => i.path.join('.'))).toEqual(['username']);
    expect(staffSchema.safeParse({ ...s, username: 'v-t01v001' }).success).toBe(true);
  });

  it('keys an assignment by its pair', () => {
    const a = dutyAssignmentSchema.parse({
      countyCode: '610999',
      kind: 'household',
      staffId: 'S00001',
      targetId: 'H0000001',
    });
    expect(assignmentKey(a)).toBe('household:S00001:H0000001');
  });
});

describe('labels', () => {
  it('has a Chinese label for every enum value', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [settlementTypes, settlementTypeLabels],
      [monitoredTypes, monitoredTypeLabels],
      [householdFlags, householdFlagLabels],
      [relations, relationLabels],
      [personFlags, personFlagLabels],
      [staffPositions, staffPositionLabels],
      [reportKinds, reportKindLabels],
      [assignmentKinds, assignmentKindLabels],
    ];
    for (const [values, labels] of pairs) {
      for (const v of values) expect(labels[v]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
