/**
 * TOTP in the browser (issue 15): the coordination office turns on an
 * authenticator app from 安全设置 (QR code and secret), and the next sign-in asks
 * for its six-digit code, refusing a wrong one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '#local/stack.ts';
import { loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');

beforeAll(async () => {
  stack = await startTestStack({ web: true, only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('authenticator app', () => {
  it('is turned on from 安全设置, and then sign-in asks for its code', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'office', testPassword, '/security/');
    await page.getByRole('button', { name: '开启动态验证码' }).click();
    await expect.poll(() => page.getByAltText('身份验证器二维码').isVisible()).toBe(true);
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.screenshot({ path: path.join(shots, 'totp-setup.png'), fullPage: true });
    await page.getByLabel(/输入身份验证器显示的 6 位数字/).fill(generateSync({ secret }));
    await page.getByRole('button', { name: '验证并开启' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已开启动态验证码');
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/login'));

    await open(page, `${stack.webUrl}/login/?next=/`);
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码', { exact: true }).fill(testPassword);
    await page.getByRole('button', { name: '登录' }).click();
    const code = page.getByLabel('动态验证码', { exact: true });
    await expect.poll(() => code.isVisible()).toBe(true);
    await code.fill('000000');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('验证码不正确');
    await page.screenshot({ path: path.join(shots, 'totp-sign-in.png'), fullPage: true });

    // A wrong code ends the attempt at Cognito: sign in again and give the right one.
    await page.getByRole('button', { name: '返回重新登录' }).click();
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码', { exact: true }).fill(testPassword);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => code.isVisible()).toBe(true);
    await code.fill(generateSync({ secret }));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.getByRole('heading', { name: '工作台' }).count()).toBe(1);
  });
});
