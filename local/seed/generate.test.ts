import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { dutyAssignmentSchema } from '#domain/duties/duty.schema.ts';
import { dutyPlan, monthDutyPeriod } from '#domain/duties/duty-rules.ts';
import { incomeRecordSchema } from '#domain/income/income.schema.ts';
import { requiresFallCause } from '#domain/income/income.rules.ts';
import { idNumberProblem } from '#domain/org/id-number.ts';
import {
  checkedHouseholdSchema,
  householdConsistencyIssues,
  orgUnitSchema,
  personSchema,
} from '#domain/org/org.schema.ts';
import { staffingCompliance } from '#domain/org/staffing.ts';
import { informationOfficerSchema, reportRecipientSchema, staffSchema } from '#domain/org/staff.schema.ts';
import { staffAccountSchema } from '#domain/auth/user-pool.ts';
import { generateCounty, type SyntheticCounty } from './generate.ts';

const options = {
  scale: 'demo',
  seed: 7,
  config: demoCountyConfig,
  lastPeriod: '2026-09',
  months: 12,
} as const;
const demo = generateCounty(options);
const people = [...demo.people()];
const income = [...demo.incomeRecords()];

function fingerprint(c: SyntheticCounty): string {
  const hash = createHash('sha256');
  const { units, households, staff, assignments, informationOfficers, reportRecipients, demoAccounts } = c;
  hash.update(
    JSON.stringify({
      units,
      households,
      staff,
      assignments,
      informationOfficers,
      reportRecipients,
      demoAccounts,
    }),
  );
  for (const p of c.people()) hash.update(JSON.stringify(p));
  for (const r of c.incomeRecords()) hash.update(JSON.stringify(r));
  return hash.digest('hex');
}

describe('generateCounty (demo)', () => {
  it('is deterministic: the same seed gives the same county, another seed another', () => {
    const first = fingerprint(demo);
    expect(fingerprint(generateCounty(options))).toBe(first);
    expect(fingerprint(demo)).toBe(first); // iterating again replays the same records
    expect(fingerprint(generateCounty({ ...options, seed: 8 }))).not.toBe(first);
  });

  it('has the demo sizes', () => {
    const kinds = (k: string) => demo.units.filter((u) => u.kind === k).length;
    expect([kinds('county'), kinds('town'), kinds('village'), kinds('factory')]).toEqual([1, 2, 6, 2]);
    expect(demo.units.filter((u) => u.keyVillage).map((u) => u.id)).toEqual(['T01V002']);
    expect(demo.households).toHaveLength(300);
    expect(demo.staff.length).toBeGreaterThanOrEqual(15);
    expect(demo.staff.length).toBeLessThanOrEqual(30);
    expect(demo.periods).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(income).toHaveLength(demo.incomeRecordCount);
    expect(people.length).toBe(demo.households.reduce((n, h) => n + h.memberCount, 0));
  });

  it('has the predictable demo accounts, all valid for the user pool', () => {
    for (const u of ['admin', 'centre', 'auditor', 'town-t01', 'leader-t01', 'v-t01v001', 'v-t02v003']) {
      expect(demo.demoAccounts).toContain(u);
    }
    const byName = new Map(demo.staff.map((s) => [s.username, s]));
    expect(byName.get('v-t01v001')).toMatchObject({
      role: 'village-officer',
      unitId: 'T01V001',
      townId: 'T01',
    });
    expect(byName.get('town-t01')).toMatchObject({ role: 'town-staff', unitId: 'T01' });
    expect(byName.get('leader-t01')).toMatchObject({ role: 'leader' });
    expect(byName.get('centre')).toMatchObject({ role: 'monitoring-centre' });
    expect(byName.get('admin')).toMatchObject({ role: 'county-admin' });
    expect(byName.get('auditor')).toMatchObject({ role: 'auditor' });
    for (const s of demo.staff) {
      const account = { ...s, countyCode: demo.countyCode };
      expect(staffAccountSchema.safeParse(account).success, s.username).toBe(true);
    }
    expect(new Set(demo.staff.map((s) => s.username)).size).toBe(demo.staff.length);
  });

  it('makes records that pass their schemas and are marked synthetic', () => {
    for (const u of demo.units) expect(orgUnitSchema.parse(u).synthetic).toBe(true);
    for (const h of demo.households) {
      expect(householdConsistencyIssues(h), h.id).toEqual([]);
      expect(checkedHouseholdSchema.parse(h).synthetic).toBe(true);
      expect(h.id).toMatch(/^H\d{7}$/);
    }
    for (const s of demo.staff) {
      expect(staffSchema.parse(s).synthetic).toBe(true);
      expect(s.email.endsWith('@demo.shouwang.invalid')).toBe(true);
    }
    for (const a of demo.assignments) dutyAssignmentSchema.parse(a);
    for (const o of demo.informationOfficers) informationOfficerSchema.parse(o);
    for (const r of demo.reportRecipients) reportRecipientSchema.parse(r);
    for (const p of people) expect(personSchema.parse(p).synthetic).toBe(true);
  });

  it('gives every person a valid, unique ID number in the county’s region', () => {
    const ids = people.map((p) => p.idNumber);
    for (const id of ids) {
      expect(idNumberProblem(id), id).toBeUndefined();
      expect(id.startsWith(demoCountyConfig.countyCode)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const heads = people.filter((p) => p.relation === 'head');
    expect(heads.map((p) => p.name)).toEqual(demo.households.map((h) => h.headName));
  });

  it('makes income records that pass incomeRecordSchema with consistent figures', () => {
    const hh = new Map(demo.households.map((h) => [h.id, h]));
    for (const r of income) {
      expect(incomeRecordSchema.safeParse(r).success, `${r.householdId} ${r.period}`).toBe(true);
      const h = hh.get(r.householdId);
      expect(h?.category).not.toBe('ordinary');
      expect(r.memberCount).toBe(h?.memberCount);
      expect(r.sourceForm).toBe('seed');
      // A reviewed record carries the town's decision as its second version, made after the entry.
      expect(r.status === 'reviewed').toBe(r.review !== undefined);
      if (r.review) {
        expect(r.version).toBe(2);
        expect(r.review.at >= r.enteredAt).toBe(true);
        expect(r.updatedAt).toBe(r.review.at);
      } else expect(r.version).toBe(1);
    }
    const officers = new Set(demo.staff.filter((s) => s.role === 'village-officer').map((s) => s.id));
    const townStaff = new Set(demo.staff.filter((s) => s.role === 'town-staff').map((s) => s.id));
    expect(income.every((r) => (r.review ? townStaff : officers).has(r.updatedBy))).toBe(true);
  });

  it('enters most records by the 6th of the next month and some late', () => {
    const late = income.filter((r) => {
      const local = new Date(Date.parse(r.enteredAt) + 8 * 3600_000).toISOString();
      return Number(local.slice(8, 10)) > demoCountyConfig.deadlines.villageEntry;
    });
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / income.length).toBeLessThan(0.15);
  });

  it('includes sharp falls with their cause, and a cause wherever the rule requires one', () => {
    const year = demoCountyConfig.years['2026'];
    if (!year) throw new Error('config');
    expect(
      income.some((r) => r.fallCause && ['illness', 'lost-work', 'disaster'].includes(r.fallCause.kind)),
    ).toBe(true);
    const byKey = new Map(income.map((r) => [`${r.householdId}|${r.period}`, r]));
    for (const r of income) {
      const prevPeriod = demo.periods[demo.periods.indexOf(r.period) - 1];
      const prev = prevPeriod && byKey.get(`${r.householdId}|${prevPeriod}`);
      if (prev && requiresFallCause(r, prev.netIncome, year))
        expect(r.fallCause, `${r.householdId} ${r.period}`).toBeDefined();
    }
  });

  it('yields one month on request', () => {
    const september = [...demo.incomeRecords('2026-09')];
    expect(september.length).toBeGreaterThan(0);
    expect(september).toEqual(income.filter((r) => r.period === '2026-09'));
  });

  it('gives every duty rule someone to do it and leaves some units understaffed', () => {
    const plan = dutyPlan(demo, monthDutyPeriod('2026-09'));
    expect(new Set(plan.people.flatMap((p) => p.targets.map((t) => t.rule)))).toEqual(
      new Set([
        'town-link',
        'key-village',
        'town-head',
        'village-lead',
        'department-cadre',
        'local-cadre',
        'resident',
      ]),
    );
    expect(plan.unmatched).toEqual([]);
    const staffing = staffingCompliance(demo.units, demo.informationOfficers, demo.staff);
    expect(staffing.shortfalls.map((s) => s.unitId)).toEqual(['D01', 'T01V003', 'T02']);
    expect(staffing.units.filter((u) => u.kind === 'village').every((u) => u.actual >= 1)).toBe(true);
  });
});

describe('generateCounty (options)', () => {
  it('refuses a window it cannot make', () => {
    expect(() => generateCounty({ ...options, months: 0 })).toThrow(RangeError);
  });
});
