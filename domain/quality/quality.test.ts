import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../org/id-number.ts';
import type { Household, OrgUnit } from '../org/org.schema.ts';
import { analyseDataQuality, type Located } from './quality.analysis.ts';
import {
  findingId,
  findingToError,
  median,
  medianAbsoluteDeviation,
  runQualityRules,
  type QualityIncome,
  type QualityPerson,
} from './quality.rules.ts';
import type { DataError, InfoOfficer, SpotCheck } from './quality.schema.ts';

const now = new Date('2026-11-10T00:00:00Z');
const hh = (id: string, villageId: string, memberCount: number): Household => ({
  id,
  villageId,
  townId: villageId.slice(0, 3),
  headName: `户主${id}`,
  category: 'alleviated',
  memberCount,
});
const households = [
  hh('H1', 'T01V001', 2),
  hh('H2', 'T01V001', 1),
  hh('H3', 'T01V001', 3),
  hh('H4', 'T01V001', 3),
  hh('H5', 'T01V001', 3),
  hh('H6', 'T01V001', 3),
];
const good = makeIdNumber('610999', '1980-01-01', 11);
const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
const people: QualityPerson[] = [
  { id: 'H1-01', householdId: 'H1', name: '甲', idNumber: good },
  { id: 'H1-02', householdId: 'H1', name: '乙', idNumber: bad },
  { id: 'H2-01', householdId: 'H2', name: '甲', idNumber: good },
  { id: 'H3-01', householdId: 'H3', name: '丙', idNumber: makeIdNumber('610999', '1990-02-02', 22) },
];
const inc = (
  householdId: string,
  c: [number, number, number, number, number],
  memberCount: number,
  extra: Partial<QualityIncome> = {},
): QualityIncome => {
  const net = c[0] + c[1] + c[2] + c[3] - c[4];
  return {
    householdId,
    villageId: 'T01V001',
    townId: 'T01',
    period: '2026-10',
    memberCount,
    components: { wage: c[0], business: c[1], property: c[2], transfer: c[3], businessCost: c[4] },
    netIncome: net,
    perCapitaNet: net / memberCount,
    ...extra,
  };
};
// Per-capita values: H1 500, H2 0 (all zero), H3 600, H4 650, H5 550, H6 9000 (outlier).
const records: QualityIncome[] = [
  inc('H1', [1000, 0, 0, 0, 0], 2),
  inc('H2', [0, 0, 0, 0, 0], 1),
  inc('H3', [1800, 0, 0, 0, 0], 3, { netIncome: 1700 }),
  inc('H4', [1950, 0, 0, 0, 0], 3),
  inc('H5', [1650, 0, 0, 0, 0], 2),
  inc('H6', [27000, 0, 0, 0, 0], 3),
];
const previous: QualityIncome[] = [
  inc('H1', [400, 0, 0, 0, 0], 2, { period: '2026-09' }),
  inc('H4', [6000, 0, 0, 0, 0], 3, { period: '2026-09' }),
];

describe('logic rules', () => {
  const findings = runQualityRules({ households, people, records, previous, now });
  const ids = findings.map(findingId);

  it('computes median and MAD by hand', () => {
    expect(median([500, 0, 600, 650, 825, 9000])).toBe(625);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
  });

  it('finds each rule once, with deterministic ids', () => {
    expect(ids).toEqual(
      [
        'QR-ID-H1-02', // bad check digit
        'QR-DUP-H1-01', // same ID in H1 and H2
        'QR-DUP-H2-01',
        'QR-CNT-H3', // 3 registered, 1 member on record
        'QR-ZERO-H2-202610', // all components zero
        'QR-SUM-H3-202610', // stored 1,700 ≠ 1,800
        'QR-CNTI-H5-202610', // income says 2, register says 3
        'QR-JUMP-H1-202610', // 1,000 vs 400: 2.5 times
        'QR-JUMP-H4-202610', // 1,950 vs 6,000 without a cause
        'QR-MAD-H6-202610', // 9,000 per head against a median of 625
      ].sort(),
    );
  });

  it('runs only the income rules when the people were not read', () => {
    const incomeOnly = runQualityRules({ households, people: [], records, previous, now, checkPeople: false })
      .map(findingId)
      .sort();
    expect(incomeOnly).toEqual(ids.filter((id) => !/^QR-(ID|DUP|CNT)-/.test(id)).sort());
    expect(incomeOnly).toContain('QR-CNTI-H5-202610');
  });

  it('masks ID numbers in what it records and says why', () => {
    const id = findings.find((f) => f.ruleId === 'ID');
    expect(id?.wrongValue).toMatch(/^610\*+\d{3}[\dX]$/);
    expect(id?.message).toContain('校验位');
    const dup = findings.find((f) => findingId(f) === 'QR-DUP-H1-01');
    expect(dup?.message).toContain('H2');
  });

  it('gives the same findings on a re-run, and turns them into open error records', () => {
    expect(runQualityRules({ households, people, records, previous, now }).map(findingId)).toEqual(ids);
    const e = findingToError(findings[0]!, '2026-11-10');
    expect(e.id).toMatch(/^QR-[A-Z]+-[A-Za-z0-9-]+$/);
    expect(e.data).toMatchObject({ status: 'open', foundBy: 'logic-rule', foundOn: '2026-11-10' });
    expect(e.location).toEqual({ villageId: 'T01V001', townId: 'T01' });
  });

  it('flags missing components instead of failing on them', () => {
    const broken = { ...inc('H1', [1, 1, 1, 1, 1], 2), components: { wage: 100 } };
    const f = runQualityRules({ households, people: [], records: [broken], previous: [], now });
    expect(f.map(findingId)).toEqual(['QR-ZERO-H1-202610']);
    expect(f[0]?.wrongValue).toContain('生产经营性收入');
  });
});

describe('data-quality analysis (hand-computed fixture)', () => {
  const units: OrgUnit[] = [
    { id: '610999', kind: 'county', name: '县' },
    { id: 'T01', kind: 'town', name: '东岭镇', parentId: '610999' },
    { id: 'T02', kind: 'town', name: '西川镇', parentId: '610999' },
    { id: 'T01V001', kind: 'village', name: '柳树村', parentId: 'T01' },
    { id: 'T02V001', kind: 'village', name: '石门村', parentId: 'T02', settlement: 'community' },
  ];
  const err = (id: string, townId: string, patch: Partial<DataError>): Located<DataError> => ({
    id,
    townId,
    villageId: `${townId}V001`,
    createdAt: '2026-10-05T02:00:00Z',
    data: {
      infoKind: 'basic',
      subjectType: 'household',
      householdId: 'H1',
      field: 'f',
      wrongValue: 'w',
      foundBy: 'department-comparison',
      foundOn: '2026-10-05',
      status: 'open',
      ...patch,
    },
  });
  const errors = [
    err('E1', 'T01', { status: 'closed' }),
    err('E2', 'T01', { infoKind: 'monitoring', foundBy: 'logic-rule', ruleId: 'SUM' }),
    err('E3', 'T02', { infoKind: 'monitoring', foundBy: 'logic-rule', ruleId: 'SUM', status: 'closed' }),
    err('E4', 'T02', { foundBy: 'phone-check', status: 'closed' }),
    err('E5', 'T02', { foundOn: '2026-09-20' }), // last month, still open
  ];
  const check = (method: SpotCheck['method'], problemCount: number): Located<SpotCheck> => ({
    id: `S${method}${problemCount}`,
    townId: 'T01',
    createdAt: '2026-10-09T00:00:00Z',
    data: {
      method,
      checkedOn: '2026-10-09',
      villageId: 'T01V001',
      target: 't',
      result: problemCount ? 'problems' : 'consistent',
      problemCount,
      checkers: 'c',
    },
  });
  const officer = (id: string, unitId: string, active = true): Located<InfoOfficer> => ({
    id,
    createdAt: '2026-01-01T00:00:00Z',
    data: { unitId, name: id, phone: '13800000000', startedOn: '2026-01-01', active },
  });
  const a = analyseDataQuality({
    period: '2026-10',
    units,
    errors,
    spotChecks: [check('phone-check', 2), check('phone-check', 0), check('questionnaire', 1)],
    officers: [
      officer('O1', 'T01'),
      officer('O2', 'T01'),
      officer('O3', 'T01V001'),
      officer('O4', 'T02V001'),
      officer('O5', 'T02V001', false),
    ],
  });

  it('counts found and corrected in the month, open overall', () => {
    expect(a.totals).toMatchObject({
      found: 4,
      corrected: 3,
      rate: 0.75,
      open: 2,
      ruleFailures: 2,
      spotChecks: 3,
      spotProblems: 3,
    });
    expect(a.byKind.find((k) => k.kind === 'monitoring')).toMatchObject({
      found: 2,
      corrected: 1,
      rate: 0.5,
    });
    expect(a.byTown).toEqual([
      expect.objectContaining({
        townId: 'T01',
        found: 2,
        corrected: 1,
        open: 1,
        officersRequired: 3,
        officersMissing: 0,
      }),
      expect.objectContaining({
        townId: 'T02',
        found: 2,
        corrected: 2,
        open: 1,
        officersRequired: 4,
        officersMissing: 3,
      }),
    ]);
    expect(a.rules).toEqual([{ ruleId: 'SUM', found: 2, corrected: 1 }]);
  });

  it('reads the month as it stood at its end: later corrections and later findings do not count', () => {
    const later = analyseDataQuality({
      period: '2026-10',
      units,
      errors: [
        ...errors,
        // Found in October, corrected in November: found in October, still open at its end.
        err('E6', 'T01', { foundOn: '2026-10-20', status: 'closed', fixedOn: '2026-11-03' }),
        // Found in November: neither found in October nor open at its end.
        err('E7', 'T01', { foundOn: '2026-11-02' }),
      ],
      spotChecks: [],
      officers: [],
    });
    expect(later.totals).toMatchObject({ found: 5, corrected: 3, open: 3 });
    expect(later.byTown.find((t) => t.townId === 'T01')).toMatchObject({ found: 3, corrected: 1, open: 2 });
    const lineage = new Map(later.lineage.map((f) => [f.key, f.records.map((r) => r.id)]));
    expect(lineage.get('quality.open')).toEqual(['E2', 'E5', 'E6']);
    expect(lineage.get('quality.corrected')).toEqual(['E1', 'E3', 'E4']);
  });

  it('judges staffing: towns and communities need 2, villages 1; removed officers do not count', () => {
    // T01 2/2, T01V001 1/1, T02 0/2, T02V001 (community) 1/2.
    expect(a.staffing).toMatchObject({ units: 4, compliant: 2, required: 7, actual: 4 });
    expect(a.staffing.shortfalls.map((s) => [s.unitId, s.missing])).toEqual([
      ['T02', 2],
      ['T02V001', 1],
    ]);
  });

  it('sums spot checks by method', () => {
    expect(a.spotChecks.find((s) => s.method === 'phone-check')).toEqual({
      method: 'phone-check',
      count: 2,
      withProblems: 1,
      problems: 2,
    });
    expect(a.spotChecks.find((s) => s.method === 'unannounced-visit')).toMatchObject({ count: 0 });
  });
});
