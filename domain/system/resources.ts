/**
 * Names of the system's AWS resources and the shape of the table, read by the CDK
 * app and by the local runtime alike. Key *values* are built only in the store
 * adapter (`functions/store/keys.ts`).
 */
export const table = {
  /** Logical name; the deployed name is prefixed by the stage. */
  name: 'shouwang-records',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export const buckets = {
  /** Every report that is sent, kept unchanged (Object Lock in AWS). */
  archive: 'shouwang-archive',
  /** The static forms site. */
  site: 'shouwang-site',
} as const;

/** Environment variables every function reads (through `functions/shared/env.ts`). */
export const envNames = {
  tableName: 'TABLE_NAME',
  archiveBucket: 'ARCHIVE_BUCKET',
  senderAddress: 'SENDER_ADDRESS',
  countyConfig: 'COUNTY_CONFIG',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  jwtIssuer: 'JWT_ISSUER',
  jwksUri: 'JWKS_URI',
} as const;

/**
 * Variables only the job function reads: where the site is, for the download links
 * in report emails (`https://<site domain>`; locally the embedded web server).
 */
export const jobEnvNames = {
  siteUrl: 'SITE_URL',
} as const;

/** Largest JSON body any route accepts (API Gateway allows 10 MB; forms need far less). */
export const maxBodyBytes = 256 * 1024;
