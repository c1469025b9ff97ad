import { describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { ConfigError, deepMerge, loadConfig } from './config.ts';

describe('deployment configuration', () => {
  it('loads the demo environment offline with its defaults', () => {
    const config = loadConfig('demo');
    expect(config.envName).toBe('demo');
    expect(config.county.countyCode).toBe(demoCountyConfig.countyCode);
    expect(config.archive.lockMode).toBe('GOVERNANCE');
    expect(config.api.throttleRate).toBeGreaterThan(0);
  });

  it('names every missing field of prod when the county file is not given', () => {
    expect(() => loadConfig('prod')).toThrow(ConfigError);
    try {
      loadConfig('prod');
    } catch (e) {
      expect((e as Error).message).toMatch(/environment "prod"/);
      expect((e as Error).message).toMatch(/- county:/);
      expect((e as Error).message).toMatch(/- email:/);
    }
  });

  it('accepts prod once the county file supplies the county and sender', () => {
    const config = loadConfig('prod', {
      county: demoCountyConfig,
      email: { senderAddress: 'reports@example.gov.cn' },
    });
    expect(config.archive.lockMode).toBe('COMPLIANCE');
    expect(config.site.allowedCountries).toEqual(['CN']);
  });

  it('explains bad values by field path', () => {
    expect(() => loadConfig('demo', { email: { senderAddress: 'not-an-address' } })).toThrow(
      /email\.senderAddress: email\.senderAddress must be an e-mail address/,
    );
    expect(() => loadConfig('demo', { archive: { retentionYears: 0 } })).toThrow(/archive\.retentionYears/);
    expect(() => loadConfig('demo', { logs: { retentionDays: 42 } })).toThrow(
      /logs\.retentionDays must be one of/,
    );
    expect(() => loadConfig('demo', { site: { domainName: 'shouwang.example.gov.cn' } })).toThrow(
      /site\.certificateArn is required when site\.domainName is set/,
    );
    expect(() => loadConfig('nowhere')).toThrow(/Unknown environment "nowhere"; known: demo, prod/);
  });

  it('merges a county file over an environment object by object, replacing lists', () => {
    expect(deepMerge({ a: { b: 1, c: [1] } }, { a: { c: [2] } })).toEqual({ a: { b: 1, c: [2] } });
  });
});
