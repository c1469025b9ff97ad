// The forms site: static pages with Preact islands. Built into forms/dist, served by
// the local runtime and, in AWS, from a private S3 bucket behind CloudFront. The
// islands are written against React's API (hooks from 'react', react-hook-form);
// `compat` points 'react' and 'react-dom' at preact/compat, so a page ships Preact
// (a few KB gzipped, compat included) instead of React's 60 KB client runtime.
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [preact({ compat: true })],
  devToolbar: { enabled: false },
  telemetry: false,
  vite: {
    resolve: { preserveSymlinks: false },
  },
});
