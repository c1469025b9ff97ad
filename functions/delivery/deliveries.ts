/**
 * Exactly-once delivery per (report, period, scope, recipient): a delivery item is
 * claimed with a conditional write before sending, so a re-run or an overlapping
 * run never sends twice; a failed send is recorded with its reason and may be
 * claimed again by a later run.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, logger } from '../shared/clients.ts';
import { keys } from '../store/keys.ts';
import { tableName } from '../store/table.ts';

export type DeliveryStatus = 'sending' | 'sent' | 'failed';

export interface DeliveryRecord {
  reportKey: string;
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  reportId?: string;
  fileSha256?: string;
  messageId?: string;
  lastError?: string;
  updatedAt: string;
}

/** A claim older than this is taken to belong to a run that died mid-send. */
const STALE_CLAIM_MS = 15 * 60_000;

/** Claims the delivery; false when it was already sent or is being sent by another run. */
export async function claimDelivery(county: string, reportKey: string, recipient: string, now: Date): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.delivery(county, reportKey, recipient),
        UpdateExpression:
          'SET #s = :sending, updatedAt = :now, reportKey = :rk, recipient = :r ADD attempts :one',
        ConditionExpression: 'attribute_not_exists(pk) OR #s = :failed OR (#s = :sending AND updatedAt < :stale)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':failed': 'failed',
          ':now': now.toISOString(),
          ':stale': staleBefore,
          ':rk': reportKey,
          ':r': recipient,
          ':one': 1,
        },
      }),
    );
    return true;
  } catch (e) {
    if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

export async function markDelivery(
  county: string,
  reportKey: string,
  recipient: string,
  outcome: { status: 'sent'; reportId: string; fileSha256: string; messageId: string } | { status: 'failed'; error: string },
  now: Date,
): Promise<void> {
  const item = await getDelivery(county, reportKey, recipient);
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.delivery(county, reportKey, recipient),
        reportKey,
        recipient,
        attempts: item?.attempts ?? 1,
        updatedAt: now.toISOString(),
        ...(outcome.status === 'sent'
          ? { status: 'sent', reportId: outcome.reportId, fileSha256: outcome.fileSha256, messageId: outcome.messageId }
          : { status: 'failed', lastError: outcome.error }),
      },
    }),
  );
  if (outcome.status === 'failed') logger.warn('delivery failed', { reportKey, recipient, error: outcome.error });
}

export async function getDelivery(county: string, reportKey: string, recipient: string): Promise<DeliveryRecord | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.delivery(county, reportKey, recipient), ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  const i = out.Item;
  return {
    reportKey: String(i.reportKey),
    recipient: String(i.recipient),
    status: i.status as DeliveryStatus,
    attempts: Number(i.attempts ?? 0),
    ...(i.reportId ? { reportId: String(i.reportId) } : {}),
    ...(i.fileSha256 ? { fileSha256: String(i.fileSha256) } : {}),
    ...(i.messageId ? { messageId: String(i.messageId) } : {}),
    ...(i.lastError ? { lastError: String(i.lastError) } : {}),
    updatedAt: String(i.updatedAt),
  };
}
