import { describe, expect, it } from 'vitest';
import type { OrgUnit } from './org.schema.ts';
import type { InformationOfficer } from './staff.schema.ts';
import { requiredOfficers, staffingCompliance } from './staffing.ts';

const C = '610999';
const units: OrgUnit[] = [
  { id: C, kind: 'county', name: '示范县' },
  { id: 'T01', kind: 'town', name: '甲镇', parentId: C },
  { id: 'T02', kind: 'town', name: '乙街道', parentId: C, settlement: 'street' },
  { id: 'T01V001', kind: 'village', name: '一村', parentId: 'T01' },
  { id: 'T01V002', kind: 'village', name: '二村', parentId: 'T01', settlement: 'village' },
  { id: 'T02V001', kind: 'village', name: '三社区', parentId: 'T02', settlement: 'community' },
  { id: 'T01F01', kind: 'factory', name: '帮扶车间', parentId: 'T01' },
  { id: 'D01', kind: 'department', name: '县民政局', parentId: C },
];
const staff = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((id) => ({ id, active: id !== 'S7' }));
const entry = (unitId: string, staffId: string): InformationOfficer => ({ countyCode: C, unitId, staffId });

describe('requiredOfficers', () => {
  it('asks 2 of departments, towns, streets and communities, 1 of villages, none of others', () => {
    expect(units.map((u) => `${u.id}:${requiredOfficers(u)}`)).toEqual([
      `${C}:0`,
      'T01:2',
      'T02:2',
      'T01V001:1',
      'T01V002:1',
      'T02V001:2',
      'T01F01:0',
      'D01:2',
    ]);
  });
});

describe('staffingCompliance', () => {
  const roster = [
    entry('T01', 'S1'),
    entry('T01', 'S2'),
    entry('T02', 'S3'),
    entry('T02', 'S3'), // listed twice: counts once
    entry('T01V001', 'S4'),
    entry('T02V001', 'S5'),
    entry('T02V001', 'S7'), // inactive: does not count
    entry('D01', 'S6'),
    entry('D01', 'S99'),
    entry('T09', 'S6'),
  ];
  const result = staffingCompliance(units, roster, staff);

  it('lists units below the requirement, most missing first', () => {
    expect(result.shortfalls.map((s) => [s.unitId, s.required, s.actual, s.missing])).toEqual([
      ['D01', 2, 1, 1],
      ['T01V002', 1, 0, 1],
      ['T02', 2, 1, 1],
      ['T02V001', 2, 1, 1],
    ]);
  });

  it('covers every unit with a requirement, with its town', () => {
    expect(result.units.map((u) => u.unitId)).toEqual(['T01', 'T02', 'T01V001', 'T01V002', 'T02V001', 'D01']);
    expect(result.units.find((u) => u.unitId === 'T02V001')?.townId).toBe('T02');
    expect(result.units.find((u) => u.unitId === 'D01')?.townId).toBeUndefined();
  });

  it('reports roster entries that do not count', () => {
    expect(result.ignored.map((i) => `${i.entry.unitId}:${i.entry.staffId}:${i.reason}`)).toEqual([
      'T02V001:S7:staff-inactive',
      'D01:S99:staff-unknown',
      'T09:S6:unit-unknown',
    ]);
  });
});
