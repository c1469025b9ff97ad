/**
 * The embedded AWS stand-ins: dynalite (DynamoDB), s3rver (S3), aws-ses-v2-local
 * (SES) and cognito-local (Cognito), each an existing package. Tables and buckets
 * are created idempotently from `domain/system/resources.ts`, the same definitions
 * the CDK app reads. After `startStandins` the SDK's endpoint variables point at
 * them, so handlers run unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import * as sesModule from 'aws-ses-v2-local';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { buckets, envNames, jobEnvNames, table } from '#domain/system/resources.ts';
import { demoCountyConfig, type CountyConfig } from '#domain/config/county-config.ts';
import { assertPortFree, type Ports } from './ports.ts';
import { startCognito, type CognitoLocal } from './cognito.ts';

export interface StandinOptions {
  ports: Ports;
  /** Folder for on-disk data; omitted: DynamoDB in memory and S3 in a temp folder (tests). */
  dataDir?: string;
  config?: CountyConfig;
  /** Start only some stand-ins (e.g. a job run needs no Cognito). */
  only?: ReadonlyArray<'dynamo' | 's3' | 'ses' | 'cognito'>;
  host?: string;
}

export interface Standins {
  ports: Ports;
  host: string;
  cognito?: CognitoLocal;
  mailboxUrl: string;
  stopSes(): Promise<void>;
  startSes(): Promise<void>;
  stopS3(): Promise<void>;
  startS3(): Promise<void>;
  stop(): Promise<void>;
}

type SesStart = (config: { host: string; port: number }) => Promise<Server>;
/** aws-ses-v2-local is CommonJS with a `default` export; Node and Vite unwrap it differently. */
function sesStarter(): SesStart {
  let m: unknown = sesModule;
  while (typeof m !== 'function' && m && typeof m === 'object' && 'default' in m)
    m = (m as { default: unknown }).default;
  return m as SesStart;
}

const closeServer = (s: { close(cb: (e?: Error) => void): void }) =>
  new Promise<void>((resolve) => s.close(() => resolve()));

/** Sets the variables the SDK and the handlers read, as Lambda's configuration would. */
export function setLocalEnv(ports: Ports, config: CountyConfig, host = '127.0.0.1'): void {
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    // s3rver accepts only its own key pair; the other stand-ins accept any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: `http://${host}:${ports.dynamo}`,
    AWS_ENDPOINT_URL_S3: `http://${host}:${ports.s3}`,
    AWS_ENDPOINT_URL_SES: `http://${host}:${ports.ses}`,
    S3_FORCE_PATH_STYLE: 'true',
    [envNames.tableName]: table.name,
    [envNames.archiveBucket]: buckets.archive,
    [envNames.senderAddress]: 'noreply@shouwang.invalid',
    [envNames.countyConfig]: JSON.stringify(config),
    // The embedded web server (local/web.ts), as CloudFront's address is in AWS: links in report emails lead there.
    [jobEnvNames.siteUrl]: `http://${host}:${ports.web}`,
    POWERTOOLS_SERVICE_NAME: 'shouwang-local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });
}

/** Creates the table and its indexes unless it exists. */
export async function ensureTable(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint });
  try {
    await client.send(new DescribeTableCommand({ TableName: table.name }));
    return;
  } catch (e) {
    if ((e as { name?: string }).name !== 'ResourceNotFoundException') throw e;
  }
  const attrs = new Set<string>([table.partitionKey, table.sortKey]);
  for (const i of table.indexes) attrs.add(i.partitionKey).add(i.sortKey);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: 'HASH' },
          { AttributeName: table.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: table.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (e) {
    if (!(e instanceof ResourceInUseException)) throw e;
  }
  client.destroy();
}

/** Creates every bucket of `resources.ts` unless it exists. */
export async function ensureBuckets(endpoint: string): Promise<void> {
  const s3 = new S3Client({ endpoint, forcePathStyle: true });
  for (const name of Object.values(buckets)) {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: name }));
    } catch {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    }
  }
  s3.destroy();
}

export async function startStandins(opts: StandinOptions): Promise<Standins> {
  const { ports } = opts;
  const host = opts.host ?? '127.0.0.1';
  const config = opts.config ?? demoCountyConfig;
  const want = (k: 'dynamo' | 's3' | 'ses' | 'cognito') => !opts.only || opts.only.includes(k);
  const tmp = opts.dataDir ?? fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'shouwang-'));
  const stops: Array<() => Promise<void>> = [];

  if (want('dynamo')) await assertPortFree(ports.dynamo, 'DynamoDB stand-in (dynalite)', host);
  if (want('s3')) await assertPortFree(ports.s3, 'S3 stand-in (s3rver)', host);
  if (want('ses')) await assertPortFree(ports.ses, 'SES stand-in (aws-ses-v2-local)', host);
  if (want('cognito')) await assertPortFree(ports.cognito, 'Cognito stand-in (cognito-local)', host);

  setLocalEnv(ports, config, host);

  if (want('dynamo')) {
    const dbDir = opts.dataDir ? path.join(opts.dataDir, 'dynamodb') : undefined;
    if (dbDir) fs.mkdirSync(dbDir, { recursive: true });
    const ddb = dynalite({
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
      ...(dbDir ? { path: dbDir } : {}),
    });
    await new Promise<void>((resolve) => ddb.listen(ports.dynamo, host, () => resolve()));
    stops.push(() => closeServer(ddb));
    await ensureTable(`http://${host}:${ports.dynamo}`);
  }

  let s3: S3rver | undefined;
  const s3Dir = path.join(tmp, 's3');
  const startS3 = async () => {
    fs.mkdirSync(s3Dir, { recursive: true });
    s3 = new S3rver({ port: ports.s3, address: host, directory: s3Dir, silent: true });
    await s3.run();
    await ensureBuckets(`http://${host}:${ports.s3}`);
  };
  const stopS3 = async () => {
    if (s3) await s3.close();
    s3 = undefined;
  };
  if (want('s3')) {
    await startS3();
    stops.push(stopS3);
  }

  let ses: Server | undefined;
  const startSes = async () => {
    ses = await sesStarter()({ host, port: ports.ses });
  };
  const stopSes = async () => {
    if (ses) {
      ses.closeAllConnections?.();
      await closeServer(ses);
    }
    ses = undefined;
  };
  if (want('ses')) {
    await startSes();
    stops.push(stopSes);
  }

  let cognito: CognitoLocal | undefined;
  if (want('cognito')) {
    const dir = path.join(tmp, 'cognito');
    fs.mkdirSync(dir, { recursive: true });
    cognito = await startCognito({ dataDir: dir, port: ports.cognito, host });
    stops.push(() => cognito!.stop());
    Object.assign(process.env, {
      [envNames.userPoolId]: cognito.userPoolId,
      [envNames.userPoolClientId]: cognito.clientId,
      [envNames.jwtIssuer]: cognito.issuer,
      [envNames.jwksUri]: cognito.jwksUri,
      // Admin calls (account creation from the staff directory) go to the stand-in too.
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    });
  }

  return {
    ports,
    host,
    ...(cognito ? { cognito } : {}),
    mailboxUrl: `http://${host}:${ports.ses}/`,
    startSes,
    stopSes,
    startS3,
    stopS3,
    async stop() {
      for (const s of stops.reverse()) await s().catch(() => undefined);
      if (!opts.dataDir) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
