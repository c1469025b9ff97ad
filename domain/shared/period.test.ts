import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  periodLabel,
  quarterLabel,
  quarterMonths,
  quarterOf,
  quarterSchema,
  slotPeriodLabel,
} from './period.ts';

describe('archive slot periods as staff read them', () => {
  it('writes a month, a quarter and a day in Chinese, never NaN', () => {
    expect(slotPeriodLabel('2026-10')).toBe('2026年10月');
    expect(slotPeriodLabel('2026-01')).toBe('2026年1月');
    expect(slotPeriodLabel('2026-Q3')).toBe('2026年第三季度');
    expect(slotPeriodLabel('2026-Q1')).toBe('2026年第一季度');
    expect(slotPeriodLabel('2026-Q4')).toBe('2026年第四季度');
    expect(slotPeriodLabel('2026-11-14')).toBe('2026年11月14日');
    expect(slotPeriodLabel('2026-11-04')).toBe('2026年11月4日');
    for (const slot of ['2026-10', '2026-Q2', '2026-02-28']) expect(slotPeriodLabel(slot)).not.toMatch(/NaN/);
  });

  it('refuses what is not a slot rather than print it half-read', () => {
    for (const bad of ['2026-Q5', '2026-13', '2026-10-32', '2026', 'Q3', ''])
      expect(() => slotPeriodLabel(bad), bad).toThrow(/PERIOD\./);
    expect(() => quarterLabel('2026-10')).toThrow(/PERIOD.NOT_A_QUARTER/);
    expect(() => dayLabel('2026-10')).toThrow(/PERIOD.NOT_A_DAY/);
    expect(periodLabel('2026-10')).toBe('2026年10月');
  });

  it('finds a month’s quarter and a quarter’s months', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
    ]);
    expect(quarterMonths('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(quarterSchema.safeParse('2026-Q4').success).toBe(true);
    expect(quarterSchema.safeParse('2026-Q0').success).toBe(false);
  });
});
