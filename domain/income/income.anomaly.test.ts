import { describe, expect, it } from 'vitest';
import { reviewAnomalies } from './income.anomaly.ts';

const year = { monitoringThreshold: 7500, sharpFallShare: 0.3, nearThresholdBand: 0.1 };
const month = (netIncome: number, extra: Record<string, unknown> = {}) => ({
  netIncome,
  components: { wage: netIncome, business: 0, property: 0, transfer: 0, businessCost: 0 },
  ...extra,
});

describe('what the town review points out', () => {
  it('names a sharp fall against last month and last year, with the figures, and the stated cause', () => {
    const a = reviewAnomalies(
      {
        current: month(1900, { fallCause: { kind: 'illness', note: '户主住院两个月' } }),
        previous: month(5690),
        lastYear: month(5200),
      },
      year,
    );
    expect(a.notes).toEqual([
      '较上月下降 67%（5,690.00 → 1,900.00 元）',
      '较去年同月下降 63%（5,200.00 → 1,900.00 元）',
    ]);
    expect(a.statedCause).toBe('因病：户主住院两个月');
  });

  it('says nothing of a fall within the county’s share, nor of a rise', () => {
    expect(
      reviewAnomalies({ current: month(4100), previous: month(5690), lastYear: month(3000) }, year),
    ).toEqual({
      notes: [],
      statedCause: null,
    });
  });

  it('points out all four incomes zero, and nothing for a household not entered', () => {
    expect(reviewAnomalies({ current: month(0), previous: null, lastYear: null }, year).notes).toEqual([
      '四项收入均为零',
    ]);
    expect(reviewAnomalies({ current: null, previous: month(5690), lastYear: null }, year).notes).toEqual([]);
  });
});
