// The forms site: static pages with React islands. Built into forms/dist, served by
// the local runtime and, in AWS, from a private S3 bucket behind CloudFront.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [react()],
  devToolbar: { enabled: false },
  telemetry: false,
  vite: {
    resolve: { preserveSymlinks: false },
  },
});
