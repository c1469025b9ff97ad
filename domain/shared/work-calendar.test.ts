/**
 * The working calendar against the State Council's notice for 2026
 * (国办发明电〔2025〕7号, as carried by `chinese-days`), and the county's overrides.
 */
import { describe, expect, it } from 'vitest';
import {
  isOfficialWorkingDay,
  isWorkingDay,
  nextWorkingDay,
  officialCalendarCovers,
  onOrNextWorkingDay,
} from './work-calendar.ts';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('the official 2026 calendar', () => {
  it('rests the Spring Festival 15–23 February and works Saturdays 14 and 28 February instead', () => {
    for (const d of days('2026-02-15', '2026-02-23')) expect(isOfficialWorkingDay(d), d).toBe(false);
    expect(isOfficialWorkingDay('2026-02-13')).toBe(true); // Friday before
    expect(isOfficialWorkingDay('2026-02-14')).toBe(true); // Saturday worked (调休上班)
    expect(isOfficialWorkingDay('2026-02-24')).toBe(true); // Tuesday after
    expect(isOfficialWorkingDay('2026-02-28')).toBe(true); // Saturday worked (调休上班)
    expect(isOfficialWorkingDay('2026-02-07')).toBe(false); // an ordinary Saturday
  });

  it('rests New Year, Qingming, Labour Day, Dragon Boat, Mid-Autumn and National Day, with their make-up days', () => {
    for (const d of ['2026-01-01', '2026-01-02', '2026-01-03'])
      expect(isOfficialWorkingDay(d), d).toBe(false);
    expect(isOfficialWorkingDay('2026-01-04')).toBe(true); // Sunday worked
    for (const d of days('2026-04-04', '2026-04-06')) expect(isOfficialWorkingDay(d), d).toBe(false);
    for (const d of days('2026-05-01', '2026-05-05')) expect(isOfficialWorkingDay(d), d).toBe(false);
    expect(isOfficialWorkingDay('2026-05-09')).toBe(true); // Saturday worked
    for (const d of days('2026-06-19', '2026-06-21')) expect(isOfficialWorkingDay(d), d).toBe(false);
    for (const d of days('2026-09-25', '2026-09-27')) expect(isOfficialWorkingDay(d), d).toBe(false);
    for (const d of days('2026-10-01', '2026-10-07')) expect(isOfficialWorkingDay(d), d).toBe(false);
    expect(isOfficialWorkingDay('2026-10-08')).toBe(true); // Thursday after National Day
    expect(isOfficialWorkingDay('2026-09-20')).toBe(true); // Sunday worked
    expect(isOfficialWorkingDay('2026-10-10')).toBe(true); // Saturday worked
  });

  it('finds the next working day across the holiday', () => {
    expect(onOrNextWorkingDay('2026-02-15')).toBe('2026-02-24');
    expect(onOrNextWorkingDay('2026-10-06')).toBe('2026-10-08');
    expect(onOrNextWorkingDay('2026-10-08')).toBe('2026-10-08');
    expect(nextWorkingDay('2026-10-08')).toBe('2026-10-09');
    expect(nextWorkingDay('2026-10-09')).toBe('2026-10-10'); // the Saturday worked
    expect(nextWorkingDay('2026-02-13')).toBe('2026-02-14');
  });

  it('counts weekends only for a year the package carries no notice for, without failing', () => {
    expect(officialCalendarCovers(2026)).toBe(true);
    expect(officialCalendarCovers(2099)).toBe(false);
    expect(isOfficialWorkingDay('2099-01-01')).toBe(true); // a Thursday: no notice, so worked
    expect(isOfficialWorkingDay('2099-01-03')).toBe(false); // a Saturday
    expect(onOrNextWorkingDay('2099-01-03')).toBe('2099-01-05');
  });
});

describe('county overrides', () => {
  it('adds days off, works official days off, and lets a day off win over a day worked', () => {
    expect(isWorkingDay('2026-11-06', { holidays: ['2026-11-06'] })).toBe(false);
    expect(isWorkingDay('2026-10-07', { workingDays: ['2026-10-07'] })).toBe(true);
    expect(isWorkingDay('2026-11-07', { workingWeekends: ['2026-11-07'] })).toBe(true);
    expect(isWorkingDay('2026-11-09', { holidays: ['2026-11-09'], workingDays: ['2026-11-09'] })).toBe(false);
    expect(onOrNextWorkingDay('2026-11-06', { holidays: ['2026-11-06'] })).toBe('2026-11-09');
  });
});
