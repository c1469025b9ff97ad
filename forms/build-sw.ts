/**
 * The forms' service worker, generated with Workbox after `astro build` (part of
 * `npm run build`): every page, script, style and icon of `forms/dist` is
 * precached, so a form opens with no network once the site has been visited; the
 * JSON the pages read (`GET /api/...`: targets, households, ledgers) is kept from
 * the last answer and served when the network does not answer. Written to
 * `forms/dist/sw.js`, registered by `src/lib/service-worker.ts`.
 *
 * The cached answers belong to whoever was signed in: signing out (and signing in
 * as someone else) deletes the API cache (`apiCacheName`, `src/lib/auth-client.ts`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { apiCacheName } from './src/lib/offline-cache.ts';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist');

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns: ['**/*.{html,js,css,svg,png,ico,json,woff2}'],
  // The runtime configuration differs per deployment: read live, from the cache when offline.
  globIgnores: ['runtime-config.json', 'sw.js', 'workbox-*.js'],
  swDest: path.join(dist, 'sw.js'),
  mode: 'production',
  sourcemap: false,
  // Pages are folders (`/visits/new/` is `visits/new/index.html`); a record page's `?id=` is read by the page.
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: true,
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  runtimeCaching: [
    {
      urlPattern: ({ url }) => url.pathname === '/runtime-config.json',
      handler: 'NetworkFirst',
      options: { cacheName: 'shouwang-config', networkTimeoutSeconds: 4 },
    },
    {
      // JSON reads only: exports (files) and every write go to the network, writes through the outbox.
      urlPattern: ({ url, request }) =>
        request.method === 'GET' && url.pathname.startsWith('/api/') && !url.pathname.endsWith('/export'),
      handler: 'NetworkFirst',
      options: {
        cacheName: apiCacheName,
        networkTimeoutSeconds: 6,
        expiration: { maxEntries: 300, maxAgeSeconds: 14 * 24 * 3600 },
        cacheableResponse: { statuses: [200] },
      },
    },
  ],
});
for (const w of warnings) console.warn(`service worker: ${w}`);
console.log(`service worker: ${count} files precached (${Math.round(size / 1024)} KB)`);
