import type { CountyConfig } from '../config/county-config.ts';

/**
 * What `/runtime-config.json` tells the browser: where to sign in, and the
 * county's configuration. Written by the CDK app (at the edge) and by the local
 * runtime, read by the forms: the one definition of that file's shape.
 */
export interface RuntimeConfig {
  auth: { endpoint: string; region: string; userPoolId: string; clientId: string };
  county: CountyConfig;
}
