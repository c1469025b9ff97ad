/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by
 * playwright-core, with the flags this closed network needs.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A phone-sized page (390×844), as most village staff see the forms. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return context.newPage();
}

/** Signs in through the real sign-in page. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  next = '/',
) {
  await open(page, `${baseUrl}/login/?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await waitForHydration(page);
}

/**
 * Waits until every island that hydrates without the person doing anything (on
 * load, when the browser is idle, or rendered only in the browser) is live.
 * Astro drops the `ssr` attribute once the renderer has returned, and Preact
 * keeps the tree it rendered on the island element itself (`__k`, its mangled
 * `_children`); typing into the server-rendered HTML before then is lost when
 * Preact takes the inputs over.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () => {
      const islands = [
        ...document.querySelectorAll('astro-island:is([client="load"], [client="idle"], [client="only"])'),
      ];
      return islands.every((island) => !island.hasAttribute('ssr') && '__k' in island);
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** Opens a page and waits for its islands, as a user would wait for the form to respond. */
export async function open(page: Page, url: string) {
  await page.goto(url);
  await waitForHydration(page);
}

/** Reads what the SES stand-in received. */
export interface MailboxEmail {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
}

export async function readMailbox(sesPort: number): Promise<MailboxEmail[]> {
  const res = await fetch(`http://127.0.0.1:${sesPort}/store`);
  const body = (await res.json()) as { emails: MailboxEmail[] };
  return body.emails;
}
