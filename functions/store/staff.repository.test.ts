/** The staff-name cache on the embedded store: requests arriving together share one load. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, startTestStack } from '#local/testing.ts';
import { dynamo } from '../platform/clients.ts';
import { staffNameOf } from './staff.repository.ts';

let stack: Stack;
let staffQueries = 0;
beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo'] });
  await loadFixture(stack);
  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
      if (
        context.commandName === 'QueryCommand' &&
        String(input.ExpressionAttributeValues?.[':p']).endsWith('#STAFF')
      )
        staffQueries++;
      return next(args);
    },
    { step: 'initialize', name: 'countStaffQueries' },
  );
});
afterAll(async () => {
  dynamo().middlewareStack.remove('countStaffQueries');
  await stack?.stop();
});

describe('staffNameOf', () => {
  it('loads the staff list once for requests arriving together, and answers from it', async () => {
    const names = await Promise.all(
      Array.from({ length: 20 }, (_, i) => staffNameOf(county, i % 2 ? 'v-t01v001' : 'town-t01')),
    );
    expect(staffQueries).toBe(1);
    expect(new Set(names)).toEqual(new Set(['张信息员', '孙镇干部']));
    // Someone not in the directory does not cause a reload on every request.
    expect(await staffNameOf(county, 'nobody')).toBeUndefined();
    expect(await staffNameOf(county, 'nobody')).toBeUndefined();
    expect(staffQueries).toBe(1);
  });
});
