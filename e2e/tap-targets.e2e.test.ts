/**
 * Tap targets at phone size (390×844): on the form pages every link, button,
 * field and summary is at least 40 px high, a check box or radio button counts by
 * the label around it, and no page scrolls sideways (issue 14).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadVisitFixture } from '#functions/visits/visit-fixture.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, signInThroughPage, waitForHydration } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');

beforeAll(async () => {
  stack = await startTestStack({ web: true, only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  await loadVisitFixture(county);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The controls under 40 px high on the page, and how far it scrolls sideways. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const e of document.querySelectorAll(
      'a, button, input:not([type=hidden]), select, textarea, summary',
    )) {
      const box = e.getBoundingClientRect();
      if (box.height === 0) continue;
      const type = e.getAttribute('type');
      // A check box or radio button is pressed through its label.
      const target = type === 'checkbox' || type === 'radio' ? (e.closest('label') ?? e) : e;
      const h = target.getBoundingClientRect().height;
      if (h < 40)
        small.push(
          `${e.tagName.toLowerCase()}${type ? `[${type}]` : ''} “${(e.textContent ?? '').trim().slice(0, 12)}” ${Math.round(h)} px`,
        );
    }
    return { small, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
}

const pagesByUser: [string, string[]][] = [
  [
    'v-t01v001',
    [
      '/',
      '/income/entry/',
      '/income/ledger/',
      '/visits/new/',
      '/visits/',
      '/visits/problems/',
      '/visits/coverage/',
      '/petitions/new/',
      '/petitions/',
      '/quality/errors/',
    ],
  ],
  ['town-t01', ['/income/review/', '/petitions/meetings/', '/quality/spot-checks/']],
  ['office', ['/income/windows/', '/assistance/']],
];

describe('tap targets at phone size', () => {
  for (const [user, paths] of pagesByUser) {
    it(`keeps every control of ${user}'s pages at least 40 px high, with no sideways scrolling`, async () => {
      const page = await phonePage(browser);
      await signInThroughPage(page, stack.webUrl!, user, testPassword, '/');
      const found: Record<string, unknown> = {};
      for (const p of paths) {
        await open(page, `${stack.webUrl}${p}`);
        await waitForHydration(page);
        // The islands' lists arrive after hydration.
        await page.waitForLoadState('networkidle');
        const m = await measure(page);
        await page.screenshot({
          path: path.join(shots, `tap-${user}${p.replaceAll('/', '_')}.png`),
          fullPage: true,
        });
        if (m.small.length || m.overflow > 0) found[p] = m;
      }
      expect(found).toEqual({});
      await page.context().close();
    }, 90_000);
  }
});
