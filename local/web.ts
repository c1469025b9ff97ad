/**
 * The local front door, as CloudFront is in AWS: the built Astro site, `/api/*`
 * through the API Gateway stand-in, and `/runtime-config.json` telling the browser
 * where to sign in.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { handleApi } from './api-gateway.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RuntimeConfig {
  auth: { endpoint: string; region: string; userPoolId: string; clientId: string };
}

/** Resolves a URL path to a file inside `root`, never outside it. */
function staticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // a malformed escape names no file
  }
  const clean = path.normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(root, clean);
  if (!file.startsWith(root)) return undefined;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file) && fs.existsSync(`${file}.html`)) file = `${file}.html`;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

export function startWeb(opts: {
  port: number;
  host?: string;
  siteDir: string;
  runtimeConfig: () => RuntimeConfig;
}): Promise<http.Server> {
  const root = path.resolve(opts.siteDir);
  const server = http.createServer((req, res) => {
    try {
      serve(req, res);
    } catch (e) {
      // Nothing a request does may stop the server: answer it, log it, serve the next.
      console.error('[web] unhandled', e);
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'REQUEST.BAD', message: '请求无效' } }));
    }
  });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'REQUEST.BAD_PATH', message: '请求地址无效' } }));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res).catch((e: unknown) => {
        console.error('[api] unhandled', e);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } }));
      });
      return;
    }
    if (url.pathname === '/runtime-config.json') {
      res.writeHead(200, { 'content-type': types['.json']!, 'cache-control': 'no-store' });
      res.end(JSON.stringify(opts.runtimeConfig()));
      return;
    }
    const file = staticFile(root, url.pathname);
    if (!file) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': types['.html']! });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : '<h1>页面不存在</h1>');
      return;
    }
    res.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    fs.createReadStream(file).pipe(res);
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve(server));
  });
}
