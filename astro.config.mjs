// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { courseIntegrity } from './src/course/integration.ts';
import { onBuildLog } from './scripts/lib/build-warnings.mjs';

// `site` only feeds absolute URLs in the sitemap; deployments set SITE_URL.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  // Pages link with a trailing slash; API routes (better-auth's among them) have none.
  trailingSlash: 'ignore',
  // Course pages are prerendered (static and fast); trainer, account, join, sign-in and API routes
  // opt out with `export const prerender = false` and run on the Node server (server mode).
  adapter: node({ mode: 'standalone' }),
  integrations: [
    courseIntegrity(),
    mdx(),
    react(),
    // A transcript page shows one attempt saved on the learner's device: nothing to index on its own.
    sitemap({
      filter: (page) => !/\/(transcript|trainer|account|join|sign-in)\//.test(page),
    }),
  ],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Vite 8 bundles with Rolldown: drop its MODULE_LEVEL_DIRECTIVE noise about Astro's own MDX directive, keep the rest.
  vite: { build: { rolldownOptions: { onLog: onBuildLog } } },
});
