/**
 * The archive: every generated report stored in S3 unchanged, with a metadata
 * record (kind, period, scope, generation time, input hash, file SHA-256 and size)
 * so an auditor can find it and prove it is the file that was sent.
 */
import { createHash, randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { envNames } from '#domain/system/resources.ts';
import { dynamo, s3Client } from '../shared/clients.ts';
import { requireEnv } from '../shared/env.ts';
import { keys } from '../store/keys.ts';
import { tableName } from '../store/table.ts';

export interface ArchivedFile {
  key: string;
  sha256: string;
  bytes: number;
  contentType: string;
  filename: string;
}

export interface ArchivedReport {
  reportId: string;
  countyCode: string;
  kind: string;
  period: string;
  scope: string;
  scopeLabel: string;
  title: string;
  generatedAt: string;
  inputSha256: string;
  inputRecords: number;
  pdf: ArchivedFile;
  xlsx?: ArchivedFile;
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

async function putFile(key: string, body: Buffer, contentType: string, filename: string): Promise<ArchivedFile> {
  const digest = sha256(body);
  await s3Client().send(
    new PutObjectCommand({
      Bucket: requireEnv(envNames.archiveBucket),
      Key: key,
      Body: body,
      ContentType: contentType,
      ChecksumSHA256: Buffer.from(digest, 'hex').toString('base64'),
      Metadata: { sha256: digest },
    }),
  );
  return { key, sha256: digest, bytes: body.length, contentType, filename };
}

/** Stores the files first, then the metadata record: a record never points at a missing file. */
export async function archiveReport(input: {
  countyCode: string;
  kind: string;
  period: string;
  scope: string;
  scopeLabel: string;
  title: string;
  generatedAt: Date;
  inputSha256: string;
  inputRecords: number;
  pdf: Buffer;
  xlsx?: Buffer;
}): Promise<ArchivedReport> {
  const generatedAt = input.generatedAt.toISOString();
  const reportId = `${input.generatedAt.getTime().toString(36)}-${randomUUID().slice(0, 8)}`;
  const base = `${input.countyCode}/${input.kind}/${input.period}/${input.scope}/${reportId}`;
  const name = `${input.title}`;
  const pdf = await putFile(`${base}.pdf`, input.pdf, 'application/pdf', `${name}.pdf`);
  const xlsx = input.xlsx
    ? await putFile(
        `${base}.xlsx`,
        input.xlsx,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `${name}.xlsx`,
      )
    : undefined;
  const report: ArchivedReport = {
    reportId,
    countyCode: input.countyCode,
    kind: input.kind,
    period: input.period,
    scope: input.scope,
    scopeLabel: input.scopeLabel,
    title: input.title,
    generatedAt,
    inputSha256: input.inputSha256,
    inputRecords: input.inputRecords,
    pdf,
    ...(xlsx ? { xlsx } : {}),
  };
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.report(input.countyCode, reportId),
        ...keys.reportsByTime(input.countyCode, generatedAt, reportId),
        ...keys.reportBySha(input.countyCode, pdf.sha256, reportId),
        ...report,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return report;
}
