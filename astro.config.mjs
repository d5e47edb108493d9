// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { courseIntegrity } from './src/course/integration.ts';

// `site` only feeds absolute URLs in the sitemap; deployments set SITE_URL.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  integrations: [
    courseIntegrity(),
    mdx(),
    react(),
    // A transcript page shows one attempt saved on the learner's device: nothing to index on its own.
    sitemap({ filter: (page) => !page.includes('/transcript/') }),
  ],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
