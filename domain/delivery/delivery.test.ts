import { describe, expect, it } from 'vitest';
import { archiveQuerySchema } from './archive.schema.ts';
import { previousQuarter, previousWeek } from './calendar.ts';
import { countyOfficeContacts, resolveRecipients, type DirectoryPerson } from './recipients.ts';
import { nextAttemptAt, type RetryPolicy } from './retry.ts';

describe('retry backoff', () => {
  const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 60_000, maxDelayMs: 3 * 60_000 };
  const t = new Date('2026-11-08T01:00:00Z');
  it('doubles the wait after each failure, up to the cap, then gives up', () => {
    expect(nextAttemptAt(1, t, policy)?.toISOString()).toBe('2026-11-08T01:01:00.000Z');
    expect(nextAttemptAt(2, t, policy)?.toISOString()).toBe('2026-11-08T01:02:00.000Z');
    expect(nextAttemptAt(3, t, policy)?.toISOString()).toBe('2026-11-08T01:03:00.000Z'); // capped (4 min)
    expect(nextAttemptAt(4, t, policy)).toBeNull();
  });
});

const county = '610999';
const p = (id: string, extra: Partial<DirectoryPerson>): DirectoryPerson => ({
  id,
  name: id,
  email: `${id}@test.invalid`,
  role: 'town-staff',
  unitId: county,
  active: true,
  ...extra,
});
const people: DirectoryPerson[] = [
  p('leader', { role: 'leader' }),
  p('leader-t01', { role: 'leader', townId: 'T01' }),
  p('office', { role: 'coordination-office' }),
  p('centre', { role: 'monitoring-centre' }),
  p('admin', { role: 'county-admin' }),
  p('auditor', { role: 'auditor' }),
  p('town-t01', { role: 'town-staff', unitId: 'T01', townId: 'T01' }),
  p('head-t01', { role: 'village-officer', unitId: 'T01', townId: 'T01', position: 'town-head' }),
  p('town-t02', { role: 'town-staff', unitId: 'T02', townId: 'T02' }),
  p('v-t01v001', { role: 'village-officer', unitId: 'T01V001', townId: 'T01' }),
  p('gone', { role: 'town-staff', unitId: 'T01', townId: 'T01', active: false }),
  p('dept', { role: 'department-staff', unitId: 'D-EDU' }),
];
const ids = (xs: DirectoryPerson[]) => xs.map((x) => x.id);

describe('recipients', () => {
  it('sends the county-wide income report to county-level leaders and offices only', () => {
    expect(
      ids(
        resolveRecipients({
          kind: 'monthly-income',
          scope: { level: 'county', unitId: county },
          countyCode: county,
          people,
        }),
      ),
    ).toEqual(['centre', 'leader', 'office']);
  });
  it("sends a town's report to that town's heads and its linked county leader", () => {
    expect(
      ids(
        resolveRecipients({
          kind: 'monthly-income',
          scope: { level: 'town', unitId: 'T01' },
          countyCode: county,
          people,
        }),
      ),
    ).toEqual(['head-t01', 'leader-t01', 'town-t01']);
  });
  it('adds whom the directory names for that kind and scope, once per address', () => {
    const got = resolveRecipients({
      kind: 'monthly-income',
      scope: { level: 'town', unitId: 'T02' },
      countyCode: county,
      people: [
        ...people,
        p('dup', { email: 'TOWN-T02@test.invalid', role: 'town-staff', unitId: 'T02', townId: 'T02' }),
      ],
      entries: [
        { reportKind: 'monthly-income', scopeUnitId: 'T02', staffId: 'dept' },
        { reportKind: 'visit-coverage', scopeUnitId: 'T02', staffId: 'auditor' },
      ],
    });
    expect(ids(got)).toEqual(['dept', 'dup']);
  });
  it('sends the quarterly income pack to the people of the monthly income analysis, named ones too', () => {
    const entries = [
      { reportKind: 'monthly-income', scopeUnitId: county, staffId: 'dept' },
      { reportKind: 'visit-coverage', scopeUnitId: county, staffId: 'auditor' },
    ];
    const of = (kind: 'monthly-income' | 'quarterly-income') =>
      ids(
        resolveRecipients({
          kind,
          scope: { level: 'county', unitId: county },
          countyCode: county,
          people,
          entries,
        }),
      );
    expect(of('quarterly-income')).toEqual(['centre', 'dept', 'leader', 'office']);
    expect(of('quarterly-income')).toEqual(of('monthly-income'));
  });
  it('tells the coordination office and the county administrators about failures', () => {
    expect(ids(countyOfficeContacts(people))).toEqual(['admin', 'office']);
  });
});

describe('calendar windows', () => {
  it('gives the Monday-to-Sunday week before', () => {
    // Monday 2026-11-09 08:00 Shanghai.
    expect(previousWeek(new Date('2026-11-09T00:00:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    // Sunday 2026-11-15 23:30 Shanghai still belongs to the week of the 9th.
    expect(previousWeek(new Date('2026-11-15T15:30:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-08' });
  });
  it('gives the quarter before', () => {
    expect(previousQuarter(new Date('2027-01-09T02:00:00Z'))).toEqual({
      label: '2026年第四季度',
      months: ['2026-10', '2026-11', '2026-12'],
    });
    expect(previousQuarter(new Date('2026-04-09T02:00:00Z')).label).toBe('2026年第一季度');
  });
});

describe('archive search periods', () => {
  it('takes a month, a quarter or a day, and refuses anything else in Chinese', () => {
    for (const period of ['2026-10', '2026-Q4', '2026-10-14'])
      expect(archiveQuerySchema.parse({ period }).period).toBe(period);
    expect(archiveQuerySchema.parse({ period: '' }).period).toBeUndefined();
    for (const period of ['2026-Q5', '2026-13', '2026-10-32', "2026-10' OR 1=1"]) {
      const r = archiveQuerySchema.safeParse({ period });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toContain('季度');
    }
  });
});
