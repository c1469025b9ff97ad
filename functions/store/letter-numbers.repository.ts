/**
 * Document numbers for reminder letters (`守衔提〔2026〕7号`): per year, without
 * gaps or repeats, even when a run is retried or killed anywhere — and without
 * transactions (dynalite has none).
 *
 * Each letter has a binding item keyed by its deterministic letter key (town and
 * day) that freezes its content before any number is given. The year's counter
 * item holds the last number and the letter it went to; it only moves by a
 * conditional update from the value read, so each number goes to exactly one
 * letter. Whoever moves the counter first completes the binding of the letter
 * the previous number went to, so a run killed between moving the counter and
 * writing its binding never leaves a number unused: its rerun (or the next
 * letter) writes it. A letter looks for its own binding only after reading the
 * counter, so it cannot take a second number.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReminderItem } from '#reports/letters/reminder-letter.ts';
import { dynamo } from '../platform/clients.ts';
import type { RecordRef } from '#domain/shared/lineage.ts';
import { isConditionFailure, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

/** A letter's content as frozen at its first run: a retry renders exactly this. */
export interface LetterContent {
  townId: string;
  date: string;
  variant: string;
  title: string;
  addressee: string;
  intro: string;
  closing: string;
  /** Each item with the records it is about (the letter's lineage), frozen with the content. */
  items: (ReminderItem & { key: string; records?: RecordRef[] })[];
}

export interface LetterBinding {
  letterKey: string;
  year: number;
  content: LetterContent;
  number?: number;
}

function toBinding(i: Record<string, unknown>): LetterBinding {
  return {
    letterKey: String(i.letterKey),
    year: Number(i.year),
    content: i.content as LetterContent,
    ...(typeof i.number === 'number' ? { number: i.number } : {}),
  };
}

export async function getBinding(county: string, letterKey: string): Promise<LetterBinding | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.letter(county, letterKey), ConsistentRead: true }),
  );
  return out.Item ? toBinding(out.Item) : undefined;
}

/** Every letter binding of the county: which items have been reminded of. */
export async function listBindings(county: string): Promise<LetterBinding[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.letters(county).pk },
    ConsistentRead: true,
  });
  return items.map(toBinding);
}

/** Writes `n` into a binding that has no number yet (a no-op when it has one). */
async function complete(county: string, letterKey: string, n: number): Promise<void> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.letter(county, letterKey),
        UpdateExpression: 'SET #n = :n',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#n)',
        ExpressionAttributeNames: { '#n': 'number' },
        ExpressionAttributeValues: { ':n': n },
      }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}

/** Test seam: called right after the counter moved, before the binding holds the number (a crash there). */
export interface NumberingHooks {
  afterCounter?: (letterKey: string, n: number) => void | Promise<void>;
}

/**
 * Binds `letterKey` to its content (first run wins; later runs get the frozen
 * content) and to the next number of `year`. Idempotent: returns the same
 * number and content on every retry.
 */
export async function bindLetterNumber(
  county: string,
  year: number,
  letterKey: string,
  content: LetterContent,
  hooks: NumberingHooks = {},
): Promise<LetterBinding & { number: number }> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.letter(county, letterKey), letterKey, year, content },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const counter = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: keys.letterCounter(county, year), ConsistentRead: true }),
    );
    const last = typeof counter.Item?.last === 'number' ? counter.Item.last : 0;
    const lastKey = typeof counter.Item?.lastKey === 'string' ? counter.Item.lastKey : undefined;
    if (lastKey === letterKey) await complete(county, letterKey, last);
    else if (lastKey) await complete(county, lastKey, last);
    const own = await getBinding(county, letterKey);
    if (!own) throw new Error(`LETTER.BINDING_MISSING: ${letterKey}`);
    if (own.number !== undefined) return { ...own, number: own.number };
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.letterCounter(county, year),
          UpdateExpression: 'SET #last = :next, lastKey = :key',
          ConditionExpression: counter.Item ? '#last = :last' : 'attribute_not_exists(pk)',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: {
            ':next': last + 1,
            ':key': letterKey,
            ...(counter.Item ? { ':last': last } : {}),
          },
        }),
      );
    } catch (e) {
      if (isConditionFailure(e)) continue;
      throw e;
    }
    await hooks.afterCounter?.(letterKey, last + 1);
    await complete(county, letterKey, last + 1);
  }
  throw new Error(`LETTER.NUMBER_CONTENDED: could not number ${letterKey}`);
}
