/** The embedded web server survives malformed requests: each gets an answer, the next is served. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortBase } from './ports.ts';
import { startWeb } from './web.ts';

let server: http.Server;
let port: number;
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-site-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(site, 'index.html'), '<h1>守望</h1>');
  port = await freePortBase();
  server = await startWeb({
    port,
    siteDir: site,
    runtimeConfig: () => ({ auth: { endpoint: '', region: '', userPoolId: '', clientId: '' } }),
  });
});
afterAll(() => {
  server?.close();
  fs.rmSync(site, { recursive: true, force: true });
});

const get = (p: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });

describe('local web server', () => {
  it('answers malformed escapes in page and API paths and keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(404);
    const api = await get('/api/directory/households/%E0%A4%A');
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'REQUEST.BAD_PATH' } });
    expect((await get('/')).status).toBe(200);
  });
});
