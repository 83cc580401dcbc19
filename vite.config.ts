import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { preloadMapChunk } from './scripts/vite/preloadMap.ts';

// Relative base so the built app also works from a sub-folder or a file share.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // The map chunk downloads with the page (evaluated only when the map area imports it).
    preloadMapChunk(),
    // Offline after the first visit: a Workbox service worker (generateSW) precaches the app shell and
    // every data file. The service worker and its scope are relative (./sw.js, scope ./), so it works from
    // any sub-path. It is registered by src/data/offline.ts (production builds only), never in `npm run dev`.
    VitePWA({
      registerType: 'prompt', // a new version waits until the person chooses "Reload" (src/components/UpdateNotice.tsx)
      injectRegister: false, // registered by src/data/offline.ts
      strategies: 'generateSW',
      filename: 'sw.js',
      // A minimal manifest with no icons and no external URL: the app is a web page that works offline,
      // not an installable app.
      manifest: {
        name: 'Neighbourhood health explorer',
        short_name: 'Health explorer',
        description: 'Small-area health, deprivation and community assets on one map.',
        start_url: './',
        scope: './',
        display: 'browser',
        background_color: '#ffffff',
        theme_color: '#0b0c0c',
        icons: [],
      },
      includeManifestIcons: false,
      devOptions: { enabled: false },
      workbox: {
        // Precache everything the app loads: its code and styles (hashed, in assets/), index.html and the
        // data files (public/data/*.json). The data are precached rather than runtime-cached because all of
        // them together are under 1 MB (postcodes.json, the largest, is about 200 kB; 40 kB gzip) and every
        // one is needed for the app to work offline (search needs postcodes, Your data needs lookups-2011):
        // runtime caching would leave postcode search broken offline for anyone who had not searched yet.
        // The precache manifest carries each file's revision, so a new build replaces changed data.
        globPatterns: ['**/*.{js,css,html,json,svg,png,woff2,webmanifest}'],
        // A tiled (England-scale) build's tiles and per-indicator files are fetched as they are shown, never all at once.
        globIgnores: ['data/tiles/**', 'data/values/**'],
        // The MapLibre chunk is over Workbox's 2 MiB default; the app cannot work without it.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Links carry the app's state in the query (?task=…&ind=…): every navigation gets index.html.
        navigateFallback: 'index.html',
        // Nothing at run time comes from a CDN: the Workbox runtime is bundled into sw.js itself
        // (no importScripts of workbox-*.js, and never from storage.googleapis.com).
        inlineWorkboxRuntime: true,
        sourcemap: false,
        mode: 'production',
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled as soon as the worker is active, so chunks it loads later
        // (site appraisal, Your data) also come from the cache. Updates still wait for "Reload" (no skipWaiting).
        clientsClaim: true,
        // Assets in assets/ are content-hashed: their URL is their revision.
        dontCacheBustURLsMatching: /assets\//,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
