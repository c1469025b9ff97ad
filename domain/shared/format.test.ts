import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatWanYuan,
  formatYuan,
} from './format.ts';

describe('formatNumber / formatInteger', () => {
  it('groups thousands', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(1000)).toBe('1,000');
    expect(formatInteger(12345)).toBe('12,345');
    expect(formatInteger(1234567890)).toBe('1,234,567,890');
    expect(formatInteger(-45000)).toBe('-45,000');
  });
  it('rounds half away from zero without binary noise', () => {
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatNumber(-1.005, 2)).toBe('-1.01');
    expect(formatNumber(2.5, 0)).toBe('3');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
  });
  it('refuses what is not a number', () => {
    expect(() => formatInteger(Number.NaN)).toThrow(/FORMAT.NOT_FINITE/);
    expect(() => formatYuan(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('money', () => {
  it('writes yuan with two decimals', () => {
    expect(formatYuan(12345.6)).toBe('12,345.60 元');
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(-320.5)).toBe('-320.50 元');
  });
  it('writes 万元 for large sums', () => {
    expect(formatWanYuan(12300)).toBe('1.23 万元');
    expect(formatWanYuan(123456789)).toBe('12,345.68 万元');
    expect(formatWanYuan(15000, 1)).toBe('1.5 万元');
  });
  it('chooses the unit by size', () => {
    expect(formatMoney(8650)).toBe('8,650.00 元');
    expect(formatMoney(99999.99)).toBe('99,999.99 元');
    expect(formatMoney(123500)).toBe('12.35 万元');
  });
});

describe('formatPercent', () => {
  it('has one decimal', () => {
    expect(formatPercent(0.875)).toBe('87.5%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(0.12345, 2)).toBe('12.35%');
  });
});

describe('dates', () => {
  it('reads instants in Asia/Shanghai', () => {
    // 2026-11-07 16:30 UTC is already 8 November 00:30 in Shanghai.
    expect(formatDate(new Date('2026-11-07T16:30:00Z'))).toBe('2026年11月8日');
    expect(formatDateTime(new Date('2026-11-08T01:30:00Z'))).toBe('2026年11月8日 09:30');
  });
  it('takes YYYY-MM-DD as the calendar date it names', () => {
    expect(formatDate('2026-01-05')).toBe('2026年1月5日');
    expect(() => formatDate('2026-02-30')).toThrow(/FORMAT.INVALID_DATE/);
    expect(() => formatDate('5 Jan')).toThrow(/FORMAT.INVALID_DATE/);
    expect(() => formatDate(new Date('nope'))).toThrow(/FORMAT.INVALID_DATE/);
  });
});
