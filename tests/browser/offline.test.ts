import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openApp, waitForMapIdle, taskNav, chooseTask, nearPostcode } from './harness';

/**
 * Offline after the first visit (issue 12, point 5): the service worker precaches the app shell and
 * every data file, so a reload with no connection shows the map, the panel and postcode search.
 */
const suite = useBrowser();

/** Wait until the service worker is active and controls this page. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // clientsClaim: the first page is taken over once the worker activates; reload if it has not been yet.
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!controlled) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

describe('offline after the first visit', () => {
  it('registers a service worker that caches the app and its data; offline, a reload shows the map, panel and search', async () => {
    const s = await suite.session();
    await openApp(s);
    await waitForServiceWorker(s.page);
    // Everything is precached once the worker is active: the app shell and all data files.
    const cached = await s.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    for (const f of ['index.html', 'data/indicators.json', 'data/postcodes.json', 'data/geo-lsoa.json', 'data/assets.json', 'data/lookups-2011.json']) {
      expect(cached.some((u) => u.endsWith(`/${f}`)), `${f} cached`).toBe(true);
    }
    expect(cached.some((u) => /\/assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
    // The service worker itself is one file from this origin: no Workbox from a CDN.
    const sw = await (await s.page.request.get(new URL('sw.js', s.baseUrl).href)).text();
    expect(sw).not.toMatch(/importScripts\(/);
    expect(sw).not.toContain('storage.googleapis.com');

    await s.context.setOffline(true);
    await s.page.reload();
    await waitForMapIdle(s.page);
    await taskNav(s.page).getByRole('link', { name: 'Explore areas', exact: true }).waitFor();
    expect(await s.page.evaluate(() => navigator.onLine)).toBe(false);
    // A link with state in its query also opens offline (every navigation gets the cached index.html).
    await s.page.goto(`${s.baseUrl}?task=near`);
    await waitForMapIdle(s.page);
    // Postcode search and the nearest services work from the cached data.
    const near = await nearPostcode(s.page, 'TS19 0AJ');
    expect(await near.innerText()).toMatch(/GP practice/i);
    // A chunk first loaded offline (site appraisal) comes from the cache too.
    await chooseTask(s.page, 'Appraise a site');
    await s.context.setOffline(false);
  });

  it('shows no update notice on a first visit', async () => {
    const s = await suite.session();
    await openApp(s);
    await waitForServiceWorker(s.page);
    expect(await s.page.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    expect(await s.page.getByText('A new version is available').count()).toBe(0);
  });
});
