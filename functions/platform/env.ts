/**
 * Environment variables, read through one helper. The county configuration has
 * its own module (`county-config.ts`): its schema is built when imported, and only
 * the functions that use the configuration should pay for that at cold start.
 */

/** Reads an environment variable, failing loudly (at cold start) when it is missing. */
export function requireEnv(name: string): string {
  const v = process.env[name];
  if (v === undefined || v === '')
    throw new Error(`CONFIG.ENV_MISSING: environment variable ${name} is not set`);
  return v;
}
