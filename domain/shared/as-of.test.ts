import { describe, expect, it } from 'vitest';
import { cutoffOf, endOfShanghaiDay, unchangedSince, versionAt } from './as-of.ts';

describe('as-of cut-offs', () => {
  it('ends a Shanghai day at 23:59:59.999 local time', () => {
    expect(endOfShanghaiDay('2026-10-31')).toBe('2026-10-31T15:59:59.999Z');
    expect(endOfShanghaiDay('2028-02-29')).toBe('2028-02-29T15:59:59.999Z');
    expect(() => endOfShanghaiDay('2026-10')).toThrow(RangeError);
  });

  it('takes the end of the last day, or now when the day is not over', () => {
    expect(cutoffOf('2026-11-08', new Date('2026-11-20T00:00:00Z'))).toBe('2026-11-08T15:59:59.999Z');
    expect(cutoffOf('2026-11-08', new Date('2026-11-08T01:00:00Z'))).toBe('2026-11-08T01:00:00.000Z');
  });

  it('picks the version in force at the cut-off', () => {
    const v = (version: number, updatedAt: string) => ({ version, updatedAt });
    const versions = [
      v(3, '2026-11-12T00:00:00Z'),
      v(1, '2026-11-03T00:00:00Z'),
      v(2, '2026-11-07T00:00:00Z'),
    ];
    expect(versionAt(versions, '2026-11-08T15:59:59.999Z')?.version).toBe(2);
    expect(versionAt(versions, '2026-11-07T00:00:00Z')?.version).toBe(2);
    expect(versionAt(versions, '2026-11-01T00:00:00Z')).toBeUndefined();
    expect(versionAt(versions, '2027-01-01T00:00:00Z')?.version).toBe(3);
    expect(unchangedSince(v(2, '2026-11-07T00:00:00Z'), '2026-11-08T00:00:00Z')).toBe(true);
    expect(unchangedSince(v(3, '2026-11-12T00:00:00Z'), '2026-11-08T00:00:00Z')).toBe(false);
  });
});
