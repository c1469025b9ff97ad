import { countyConfigSchema, type CountyConfig } from '#domain/config/county-config.ts';
import { envNames } from '#domain/system/resources.ts';

/** Reads an environment variable, failing loudly (at cold start) when it is missing. */
export function requireEnv(name: string): string {
  const v = process.env[name];
  if (v === undefined || v === '')
    throw new Error(`CONFIG.ENV_MISSING: environment variable ${name} is not set`);
  return v;
}

/** The county configuration the deployment serves, passed as JSON in one variable. */
export function countyConfigFromEnv(): CountyConfig {
  return countyConfigSchema.parse(JSON.parse(requireEnv(envNames.countyConfig)));
}
