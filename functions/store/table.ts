import { envNames } from '#domain/system/resources.ts';
import { requireEnv } from '../shared/env.ts';

/** The deployed table's name (stage-prefixed in AWS, plain locally). */
export const tableName = (): string => requireEnv(envNames.tableName);
