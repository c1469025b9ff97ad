import { countyConfigSchema } from '#domain/config/county-config.ts';

import type { RuntimeConfig } from '#domain/system/runtime-config.ts';

export type { RuntimeConfig };

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
