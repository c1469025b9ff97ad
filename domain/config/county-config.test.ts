import { describe, expect, it } from 'vitest';
import { ConfigMissingError } from '../shared/errors.ts';
import { demoCountyConfig, yearConfig } from './county-config.ts';

describe('yearConfig', () => {
  it('gives the configured year', () => {
    expect(yearConfig(demoCountyConfig, 2026).monitoringThreshold).toBe(7500);
    expect(yearConfig(demoCountyConfig, 2027).monitoringThreshold).toBe(7700);
  });

  it('refuses a year the county has not configured with a stable code and a Chinese message', () => {
    const config = { ...demoCountyConfig, years: {} };
    let caught: unknown;
    try {
      yearConfig(config, 2028);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigMissingError);
    expect(caught).toMatchObject({ code: 'CONFIG.YEAR_MISSING', kind: 'conflict' });
    expect((caught as Error).message).toContain('尚未配置2028年');
  });
});
