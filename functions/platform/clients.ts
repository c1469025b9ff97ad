/**
 * AWS clients and the logger, built once per module (once per Lambda container), each
 * when first used.
 * Endpoints come from the SDK's own variables (AWS_ENDPOINT_URL_DYNAMODB, _S3,
 * _SES): the local runtime sets them, Lambda does not. Nothing else differs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';

let log: Logger | undefined;
const made = () => (log ??= new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'shouwang' }));

/**
 * The Powertools logger, made on its first line: an API function logs only when
 * something goes wrong, so its cold start does not build one (about 6 ms).
 */
export const logger = {
  debug: (input: LogItemMessage, ...extra: LogItemExtraInput) => made().debug(input, ...extra),
  info: (input: LogItemMessage, ...extra: LogItemExtraInput) => made().info(input, ...extra),
  warn: (input: LogItemMessage, ...extra: LogItemExtraInput) => made().warn(input, ...extra),
  error: (input: LogItemMessage, ...extra: LogItemExtraInput) => made().error(input, ...extra),
};

let ddb: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let ses: SESClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return ddb;
}

export function s3Client(): S3Client {
  s3 ??= new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });
  return s3;
}

export function sesClient(): SESClient {
  ses ??= new SESClient({ maxAttempts: 3 });
  return ses;
}
