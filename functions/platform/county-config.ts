import { countyConfigSchema, type CountyConfig } from '#domain/config/county-config.ts';
import { envNames } from '#domain/system/resources.ts';
import { requireEnv } from './env.ts';

/** The county configuration the deployment serves, passed as JSON in one variable. */
export function countyConfigFromEnv(): CountyConfig {
  return countyConfigSchema.parse(JSON.parse(requireEnv(envNames.countyConfig)));
}
