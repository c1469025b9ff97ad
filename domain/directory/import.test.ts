import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../org/id-number.ts';
import type { OrgUnit } from '../org/org.schema.ts';
import {
  checkImport,
  columnLetter,
  mergeHousehold,
  personIdFor,
  type ImportContext,
  type RawSheet,
  type SheetCell,
} from './import.ts';

const county = '610999';
const units: OrgUnit[] = [
  { id: county, kind: 'county', name: '守望示范县' },
  { id: 'T01', kind: 'town', name: '东岭镇', parentId: county },
  { id: 'T01V001', kind: 'village', name: '柳树村', parentId: 'T01' },
  { id: 'T01V002', kind: 'village', name: '杏花村', parentId: 'T01' },
  { id: 'T02V001', kind: 'village', name: '杏花村', parentId: 'T02' },
];
const now = new Date('2026-10-15T00:00:00Z');
const ctx = (patch: Partial<ImportContext> = {}): ImportContext => ({
  countyCode: county,
  units,
  households: new Map([
    ['H1', { id: 'H1', villageId: 'T01V001', townId: 'T01' }],
    ['H2', { id: 'H2', villageId: 'T01V001', townId: 'T01' }],
  ]),
  peopleByIdNumber: new Map(),
  staffByUsername: new Map(),
  now,
  ...patch,
});

const sheet = (
  header: string[],
  rows: (string | number | SheetCell | null)[][],
  merges: RawSheet['merges'] = [],
): RawSheet => ({
  headerRow: 1,
  header,
  rows: rows.map((cells, i) => ({
    row: i + 2,
    cells: cells.map((c) => (c !== null && typeof c === 'object' ? c : { value: c })),
  })),
  merges,
});

const hhHeader = ['户编号', '村/社区', '户主姓名', '户类别', '监测对象类别', '家庭人口', '重点人群'];
const pHeader = ['户编号', '姓名', '身份证号码', '与户主关系', '联系电话'];
const id1 = makeIdNumber('610999', '1970-03-04', 11);
const id2 = makeIdNumber('610999', '1972-05-06', 22);

describe('checkImport: households', () => {
  it('accepts good rows by village id or unique name, with labels turned into codes', () => {
    const r = checkImport(
      'households',
      sheet(hhHeader, [
        ['H1', 'T01V001', '王建国', '脱贫户', '', 4, '大病、农村低保'],
        ['h2', '柳树村', '李秀英', '监测户', '边缘易致贫户', '2', ''],
      ]),
      ctx(),
    );
    expect(r.issues).toEqual([]);
    expect(r.valid.map((v) => v.entity.value)).toEqual([
      expect.objectContaining({
        id: 'H1',
        villageId: 'T01V001',
        townId: 'T01',
        category: 'alleviated',
        flags: ['serious-illness', 'dibao'],
      }),
      expect.objectContaining({ id: 'H2', category: 'monitored', monitoredType: 'edge', memberCount: 2 }),
    ]);
  });

  it('refuses a wrong header as a fatal problem naming the missing column', () => {
    const r = checkImport('households', sheet(['编号', '村', '户主'], [['H1', 'T01V001', '王']]), ctx());
    expect(r.fatal).toBe(true);
    expect(r.valid).toEqual([]);
    expect(r.issues[0]).toMatchObject({ code: 'IMPORT.BAD_HEADER', row: 1, fatal: true });
    expect(r.issues.map((i) => i.column)).toContain('户编号');
  });

  it('reports unknown and ambiguous villages, wrong types, missing values and inconsistencies per cell', () => {
    const r = checkImport(
      'households',
      sheet(hhHeader, [
        ['H1', '不存在村', '王建国', '脱贫户', '', 4, ''],
        ['H2', '杏花村', '李秀英', '脱贫户', '', 3, ''],
        ['H3', 'T01V001', '', '脱贫户', '', 'four', ''],
        ['H4', 'T01V001', '赵大山', '监测户', '', 3, ''],
      ]),
      ctx(),
    );
    const byRow = (row: number) => r.issues.filter((i) => i.row === row).map((i) => [i.column, i.code]);
    expect(byRow(2)).toEqual([['B 村/社区', 'IMPORT.UNKNOWN_VILLAGE']]);
    expect(byRow(3)).toEqual([['B 村/社区', 'IMPORT.AMBIGUOUS_VILLAGE']]);
    expect(byRow(4)).toEqual(
      expect.arrayContaining([
        ['C 户主姓名', 'IMPORT.REQUIRED'],
        ['F 家庭人口', 'IMPORT.WRONG_TYPE'],
      ]),
    );
    expect(byRow(5)).toEqual([['E 监测对象类别', 'IMPORT.INCONSISTENT']]);
    expect(r.valid).toEqual([]);
    expect(r.invalidRows).toBe(4);
    expect(r.issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
  });

  it('flags formulas, merged cells and duplicated rows', () => {
    const r = checkImport(
      'households',
      sheet(
        hhHeader,
        [
          ['H1', 'T01V001', '王建国', '脱贫户', '', { value: '4', formula: true }, ''],
          ['H2', 'T01V001', '李秀英', '脱贫户', '', 2, ''],
          ['H5', 'T01V001', '孙桂芳', '脱贫户', '', 2, ''],
          ['H6', 'T01V001', '周明', '脱贫户', '', 2, ''],
          ['H6', 'T01V001', '周明', '脱贫户', '', 2, ''],
        ],
        [{ top: 3, left: 2, bottom: 4, right: 2 }],
      ),
      ctx(),
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'IMPORT.FORMULA'],
      [3, 'IMPORT.MERGED_CELLS'],
      [4, 'IMPORT.MERGED_CELLS'],
      [6, 'IMPORT.DUPLICATE_ROW'],
    ]);
    expect(r.issues.find((i) => i.row === 6)?.message).toContain('第 5 行');
    expect(r.valid.map((v) => v.row)).toEqual([5]);
  });

  it('refuses more rows than one import may hold', () => {
    const many = Array.from({ length: 100_001 }, (_, i) => [`H${i}`, 'T01V001', '王', '脱贫户', '', 1, '']);
    const r = checkImport('households', sheet(hhHeader, many), ctx());
    expect(r.fatal).toBe(true);
    expect(r.issues[0]?.code).toBe('IMPORT.TOO_MANY_ROWS');
  });
});

describe('checkImport: people', () => {
  it('checks the ID number check digit, including X, and masks nothing it keeps', () => {
    const withX = '11010519491231002X';
    const bad = id1.slice(0, 17) + (id1[17] === '0' ? '1' : '0');
    const r = checkImport(
      'people',
      sheet(pHeader, [
        ['H1', '王建国', id1, '户主', '13800138000'],
        ['H1', '王小丫', withX.toLowerCase(), '之女', ''],
        ['H1', '王错号', bad, '子', ''],
        ['H9', '无户', id2, '户主', ''],
      ]),
      ctx(),
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, 'C 身份证号码', 'IMPORT.ID_CHECKSUM'],
      [5, 'A 户编号', 'IMPORT.UNKNOWN_HOUSEHOLD'],
    ]);
    expect(r.valid.map((v) => v.entity.value)).toEqual([
      expect.objectContaining({
        householdId: 'H1',
        idNumber: id1,
        relation: 'head',
        phone: '13800138000',
        id: personIdFor('H1', id1),
      }),
      expect.objectContaining({ idNumber: withX, relation: 'daughter' }),
    ]);
  });

  it('refuses one person in two households, within the file and against the store', () => {
    const r = checkImport(
      'people',
      sheet(pHeader, [
        ['H1', '王建国', id1, '户主', ''],
        ['H2', '王建国', id1, '户主', ''],
        ['H2', '李秀英', id2, '户主', ''],
      ]),
      ctx({ peopleByIdNumber: new Map([[id2, { id: 'H1-01', householdId: 'H1' }]]) }),
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'IMPORT.DUPLICATE_PERSON'],
      [4, 'IMPORT.DUPLICATE_PERSON'],
    ]);
    expect(r.issues[0]?.message).toContain('第 2 行');
    expect(r.valid).toHaveLength(1);
  });

  it('keeps the stored id of a person already on file in the same household', () => {
    const r = checkImport(
      'people',
      sheet(pHeader, [['H1', '王建国', id1, '户主', '']]),
      ctx({ peopleByIdNumber: new Map([[id1, { id: 'H1-01', householdId: 'H1' }]]) }),
    );
    expect(r.valid[0]?.entity.value).toMatchObject({ id: 'H1-01' });
  });
});

describe('checkImport: staff', () => {
  const header = [
    '人员编号',
    '姓名',
    '系统角色',
    '职务类别',
    '所在单位',
    '手机号码',
    '电子邮箱',
    '登录名',
    '状态',
  ];
  it('maps labels and units, derives the town, and refuses a login name taken by someone else', () => {
    const r = checkImport(
      'staff',
      sheet(header, [
        ['S1', '张三', '村/社区信息员', '信息员', '柳树村', '13900001111', 'z@x.cn', 'zhang3', '在岗'],
        ['S2', '李四', '镇/街道工作人员', '镇干部', 'T01', '', 'l@x.cn', 'taken', ''],
        ['S3', '王五', '超级管理员', '信息员', 'T01', '', 'bad', 'wang5', '休假'],
      ]),
      ctx({ staffByUsername: new Map([['taken', 'S9']]) }),
    );
    expect(r.valid.map((v) => v.entity.value)).toEqual([
      expect.objectContaining({
        id: 'S1',
        role: 'village-officer',
        position: 'information-officer',
        unitId: 'T01V001',
        townId: 'T01',
        active: true,
      }),
    ]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'IMPORT.DUPLICATE_USERNAME'],
      [4, 'IMPORT.BAD_VALUE'],
      [4, 'IMPORT.BAD_EMAIL'],
      [4, 'IMPORT.BAD_VALUE'],
    ]);
  });
});

describe('mergeHousehold', () => {
  const base = {
    id: 'H1',
    villageId: 'T01V001',
    townId: 'T01',
    headName: '王建国',
    category: 'alleviated' as const,
    memberCount: 4,
  };
  it('returns the stored household itself when nothing changes', () => {
    const stored = mergeHousehold(undefined, base, '2026-01-01', '导入');
    expect(mergeHousehold(stored, base, '2026-02-01', '再次导入')).toBe(stored);
  });
  it('adds a change of category to the status history', () => {
    const stored = mergeHousehold(undefined, base, '2026-01-01', '导入');
    const next = mergeHousehold(
      stored,
      { ...base, category: 'monitored', monitoredType: 'sudden' },
      '2026-02-01',
      '突发大病',
    );
    expect(next.statusHistory?.at(-1)).toEqual({
      date: '2026-02-01',
      from: 'alleviated',
      to: 'monitored',
      monitoredType: 'sudden',
      reason: '突发大病',
    });
  });
});

it('names columns as spreadsheets do', () => {
  expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
});
