import { envNames } from '#domain/system/resources.ts';
import { requireEnv } from '../platform/env.ts';

/** The deployed table's name (stage-prefixed in AWS, plain locally). */
export const tableName = (): string => requireEnv(envNames.tableName);
