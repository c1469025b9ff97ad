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
  /** The secret CloudFront sends with every /api request (see `originHeader`); unset locally. */
  originSecret: 'ORIGIN_SECRET',
} as const;

/**
 * The header CloudFront adds to every request it forwards to the API, carrying
 * `originSecret`: the functions refuse a request without it, so the execute-api
 * endpoint (public by nature for an HTTP API) serves nobody who bypasses the site's
 * CloudFront (its geo restriction, headers and any WAF).
 */
export const originHeader = 'x-shouwang-origin';

/**
 * Variables only the job function reads: where the site is, for the download links
 * in report emails (`https://<site domain>`; locally the embedded web server).
 */
export const jobEnvNames = {
  siteUrl: 'SITE_URL',
} as const;

/** Largest JSON body any route accepts (API Gateway allows 10 MB; forms need far less). */
export const maxBodyBytes = 256 * 1024;

/** The CloudWatch metrics namespace of every metric the functions emit (alarmed in the CDK app). */
export const metricsNamespace = 'Shouwang';

/** The faces the reports use; each is registered in every document under this name. */
export type FontFace = 'sans' | 'sans-bold' | 'serif' | 'serif-bold';

/** Where each face comes from: the npm package and the TTF's path inside it. */
export interface FontFileSpec {
  face: FontFace;
  /** npm package that ships the file. */
  packageName: string;
  /** Path of the TTF inside the package. */
  packagePath: string;
  /** File name alone: what a copy in `SHOUWANG_FONT_DIR` must be called. */
  fileName: string;
}

/**
 * The four TTFs the reports embed (pdfkit subsets them). Noto Sans SC serves
 * tables and body text; Noto Serif SC serves titles and formal letters.
 * The CDK bundling copies these files next to the Lambda bundle and points
 * `SHOUWANG_FONT_DIR` at them, so the list lives here, once.
 */
export const FONT_FILES: readonly FontFileSpec[] = [
  spec('sans', '@expo-google-fonts/noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'),
  spec('sans-bold', '@expo-google-fonts/noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf'),
  spec('serif', '@expo-google-fonts/noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf'),
  spec('serif-bold', '@expo-google-fonts/noto-serif-sc', '700Bold', 'NotoSerifSC_700Bold.ttf'),
];

function spec(face: FontFace, packageName: string, folder: string, fileName: string): FontFileSpec {
  return { face, packageName, packagePath: `${folder}/${fileName}`, fileName };
}

/** Environment variable naming a folder that holds the four TTFs (as in Lambda, where they sit beside the bundle). */
export const FONT_DIR_ENV = 'SHOUWANG_FONT_DIR';
