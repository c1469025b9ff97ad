import { describe, expect, it } from 'vitest';
import { annualised, fallShare, netIncome, perCapitaNet } from './income.calc.ts';

const c = { wage: 1200.1, business: 300.2, property: 0, transfer: 150.3, businessCost: 100.25 };

describe('income arithmetic', () => {
  it('nets the four incomes less business costs, to the fen', () => {
    expect(netIncome(c)).toBe(1550.35);
    expect(netIncome({ wage: 0.1, business: 0.2, property: 0, transfer: 0, businessCost: 0 })).toBe(0.3);
  });

  it('can be negative when costs exceed income', () => {
    expect(netIncome({ wage: 0, business: 100, property: 0, transfer: 0, businessCost: 250.5 })).toBe(-150.5);
  });

  it('divides by members, rounded to the fen', () => {
    expect(perCapitaNet(c, 3)).toBe(516.78);
    expect(() => perCapitaNet(c, 0)).toThrow(RangeError);
    expect(() => perCapitaNet(c, 1.5)).toThrow(RangeError);
  });

  it('annualises a monthly per-capita figure', () => {
    expect(annualised(591.67)).toBe(7100.04);
  });

  it('measures a fall only against a positive previous figure', () => {
    expect(fallShare(600, 1000)).toBeCloseTo(0.4);
    expect(fallShare(1200, 1000)).toBe(0);
    expect(fallShare(100, undefined)).toBe(0);
    expect(fallShare(-5, 0)).toBe(0);
  });
});
