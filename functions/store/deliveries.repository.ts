/**
 * Exactly-once delivery per (report, period, scope, recipient). The report id names
 * (kind, period, scope), so one delivery item per (report id, recipient) is the
 * whole rule. The item is claimed with a conditional write before sending, so a
 * re-run or an overlapping run never sends twice; each claim carries a token, and
 * only its holder may record the outcome.
 *
 * A failed send is recorded with its reason and the time of the next attempt
 * (exponential backoff, `domain/delivery/retry.ts`); until then nobody may claim
 * it. After the last attempt the item is `abandoned` and the county office is told
 * once. While an item waits (failed, or claimed by a run that may have died) it
 * sits in the retry queue (gsi2) under the time it becomes claimable again.
 *
 * The one window left: a run killed after SES accepted a message and before it was
 * marked sent leaves the claim `sending`; after `staleClaimMs` another run takes it
 * over and sends again. SES offers no idempotency key to close that window.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { defaultRetryPolicy, nextAttemptAt, type RetryPolicy } from '#domain/delivery/retry.ts';
import { quarterMonths, quarterSchema } from '#domain/shared/period.ts';
import { dynamo, logger } from '../platform/clients.ts';
import { isConditionFailure, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'abandoned';

export interface DeliveryRecord {
  reportId: string;
  period: string;
  recipient: string;
  recipientName: string;
  status: DeliveryStatus;
  attempts: number;
  updatedAt: string;
  sentAt?: string;
  messageId?: string;
  fileSha256?: string;
  via?: 'attachment' | 'link';
  lastError?: string;
  nextAttemptAt?: string;
}

/** A claim older than this is taken to belong to a run that died mid-send (the job function times out at 10 minutes). */
export const staleClaimMs = 15 * 60_000;

export interface Claim {
  token: string;
  attempts: number;
}

/**
 * The period the county office's status page lists a delivery under: a quarterly
 * report's under the quarter's last month (the month whose reports are sent with
 * it, and where the quarterly income pack was listed when it was filed as a month).
 */
const listedUnder = (period: string): string =>
  quarterSchema.safeParse(period).success ? quarterMonths(period)[2] : period;

/** Claims the delivery; `null` when it was sent, given up, waits for its next attempt, or another run holds it. */
export async function claimDelivery(
  county: string,
  report: { reportId: string; period: string },
  recipient: { email: string; name: string },
  now: Date,
): Promise<Claim | null> {
  const token = randomUUID();
  const staleAt = new Date(now.getTime() + staleClaimMs).toISOString();
  const retry = keys.deliveryRetry(county, staleAt, report.reportId, recipient.email);
  const byPeriod = keys.deliveryByPeriod(
    county,
    listedUnder(report.period),
    report.reportId,
    recipient.email,
  );
  try {
    const out = await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.delivery(county, report.reportId, recipient.email),
        UpdateExpression:
          'SET #s = :sending, claimToken = :token, updatedAt = :now, reportId = :rid, period = :period, ' +
          'recipient = :r, recipientName = :name, gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk ' +
          'ADD attempts :one',
        ConditionExpression:
          'attribute_not_exists(pk) OR (#s = :failed AND nextAttemptAt <= :now) OR (#s = :sending AND updatedAt < :stale)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':failed': 'failed',
          ':token': token,
          ':now': now.toISOString(),
          ':stale': new Date(now.getTime() - staleClaimMs).toISOString(),
          ':rid': report.reportId,
          ':period': report.period,
          ':r': recipient.email,
          ':name': recipient.name,
          ':g1pk': byPeriod.gsi1pk,
          ':g1sk': byPeriod.gsi1sk,
          ':g2pk': retry.gsi2pk,
          ':g2sk': retry.gsi2sk,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { token, attempts: Number(out.Attributes?.attempts ?? 1) };
  } catch (e) {
    if (isConditionFailure(e)) return null;
    throw e;
  }
}

/** Records the send; false when the claim was lost meanwhile (a stale takeover), which is logged. */
export async function markSent(
  county: string,
  reportId: string,
  recipient: string,
  claim: Claim,
  outcome: { messageId: string; fileSha256: string; via: 'attachment' | 'link' },
  now: Date,
): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.delivery(county, reportId, recipient),
        UpdateExpression:
          'SET #s = :sent, sentAt = :now, updatedAt = :now, messageId = :mid, fileSha256 = :sha, via = :via ' +
          'REMOVE gsi2pk, gsi2sk, nextAttemptAt, claimToken',
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':now': now.toISOString(),
          ':mid': outcome.messageId,
          ':sha': outcome.fileSha256,
          ':via': outcome.via,
          ':token': claim.token,
        },
      }),
    );
    return true;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    logger.warn('delivery claim lost before marking sent', { reportId, recipient });
    return false;
  }
}

/**
 * Records a failed attempt: `failed` with the time of the next attempt, or
 * `abandoned` after the last one. Returns the new status (`null` when the claim
 * was lost meanwhile).
 */
export async function markFailed(
  county: string,
  reportId: string,
  recipient: string,
  claim: Claim,
  error: string,
  now: Date,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<{ status: 'failed'; nextAttemptAt: string } | { status: 'abandoned' } | null> {
  const next = nextAttemptAt(claim.attempts, now, policy)?.toISOString();
  const common = { ':now': now.toISOString(), ':err': error.slice(0, 500), ':token': claim.token };
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.delivery(county, reportId, recipient),
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeNames: { '#s': 'status' },
        ...(next
          ? {
              UpdateExpression:
                'SET #s = :failed, updatedAt = :now, lastError = :err, nextAttemptAt = :next, gsi2sk = :g2sk REMOVE claimToken',
              ExpressionAttributeValues: {
                ...common,
                ':failed': 'failed',
                ':next': next,
                ':g2sk': keys.deliveryRetry(county, next, reportId, recipient).gsi2sk,
              },
            }
          : {
              UpdateExpression:
                'SET #s = :abandoned, updatedAt = :now, lastError = :err REMOVE gsi2pk, gsi2sk, nextAttemptAt, claimToken',
              ExpressionAttributeValues: { ...common, ':abandoned': 'abandoned' },
            }),
      }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    logger.warn('delivery claim lost before marking failed', { reportId, recipient });
    return null;
  }
  return next ? { status: 'failed', nextAttemptAt: next } : { status: 'abandoned' };
}

/** Takes the right to tell the county office about a given-up delivery; true for the first caller only. */
export async function claimAlert(
  county: string,
  reportId: string,
  recipient: string,
  now: Date,
): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.deliveryAlert(county, reportId, recipient),
          reportId,
          recipient,
          at: now.toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

const statuses: ReadonlySet<string> = new Set(['sending', 'sent', 'failed', 'abandoned']);

function toDelivery(i: Record<string, unknown>): DeliveryRecord {
  const s = (k: string) => (typeof i[k] === 'string' ? (i[k] as string) : undefined);
  const status = s('status') ?? 'sending';
  return {
    reportId: s('reportId') ?? '',
    period: s('period') ?? '',
    recipient: s('recipient') ?? '',
    recipientName: s('recipientName') ?? '',
    status: (statuses.has(status) ? status : 'sending') as DeliveryStatus,
    attempts: Number(i.attempts ?? 0),
    updatedAt: s('updatedAt') ?? '',
    ...(s('sentAt') ? { sentAt: s('sentAt') } : {}),
    ...(s('messageId') ? { messageId: s('messageId') } : {}),
    ...(s('fileSha256') ? { fileSha256: s('fileSha256') } : {}),
    ...(i.via === 'link' || i.via === 'attachment' ? { via: i.via } : {}),
    ...(s('lastError') ? { lastError: s('lastError') } : {}),
    ...(s('nextAttemptAt') ? { nextAttemptAt: s('nextAttemptAt') } : {}),
  };
}

export async function listDeliveriesOfReport(county: string, reportId: string): Promise<DeliveryRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.deliveriesOfReport(county, reportId).pk },
    ConsistentRead: true,
  });
  return items.map(toDelivery);
}

export async function listDeliveriesOfPeriod(county: string, period: string): Promise<DeliveryRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.deliveriesOfPeriod(county, period).gsi1pk },
  });
  return items.map(toDelivery);
}

/** Deliveries whose next attempt (or stale claim) is due at `now`, oldest first. */
export async function listDueRetries(county: string, now: Date, limit = 100): Promise<DeliveryRecord[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk < :upper',
      ExpressionAttributeValues: {
        ':p': keys.deliveryRetryQueue(county).gsi2pk,
        // Keys are `<ISO time>#…`; every key due at or before `now` sorts below `<now>~`.
        ':upper': `${now.toISOString()}~`,
      },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(toDelivery);
}
