import { countyConfigSchema, type CountyConfig } from '#domain/config/county-config.ts';

/** What `/runtime-config.json` tells the browser: where to sign in, and the county's configuration. */
export interface RuntimeConfig {
  auth: { endpoint: string; region: string; userPoolId: string; clientId: string };
  county: CountyConfig;
}

let cached: Promise<RuntimeConfig> | undefined;

export function runtimeConfig(): Promise<RuntimeConfig> {
  cached ??= fetch('/runtime-config.json', { cache: 'no-store' })
    .then((r) => {
      if (!r.ok) throw new Error(`runtime-config ${r.status}`);
      return r.json() as Promise<{ auth: RuntimeConfig['auth']; county: unknown }>;
    })
    .then((c) => ({ auth: c.auth, county: countyConfigSchema.parse(c.county) }))
    .catch((e: unknown) => {
      // A failed fetch (e.g. offline at load) must not stick for the life of the page.
      cached = undefined;
      throw e;
    });
  return cached;
}
