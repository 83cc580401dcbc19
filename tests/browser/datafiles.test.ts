import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Route } from 'playwright-core';
import { useBrowser, openApp, waitForMapIdle, type Session } from './harness';

/**
 * A failed, slow or corrupt data file: the app checks each file as it loads, says in plain words what
 * failed and what still works, offers "Try again" when the essential file failed, and never hangs.
 * Files are broken on the way in with Playwright request interception; the built files are untouched.
 */
const suite = useBrowser();
// Chromium logs its own console error for any 4xx/5xx response ("Failed to load resource: the server
// responded with a status of 404"); the 404 tests serve one on purpose, so only that line is allowed.
const ALLOW_404 = { allowConsole: [/Failed to load resource: the server responded with a status of 404/] };
const DIST = process.env.DIST_DIR ?? 'dist';
const built = (f: string) => readFileSync(`${DIST}/data/${f}`, 'utf8');

const alert = (s: Session) => s.page.locator('.load-error[role="alert"]');
const json = (body: string) => (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body });

/** Open the app and wait for the start-up to end in failure (the message and "Try again"). */
async function openFailing(s: Session, query = '') {
  await s.page.goto(`${s.baseUrl}${query}`);
  await alert(s).waitFor();
  await s.page.getByRole('button', { name: 'Try again' }).waitFor();
}

describe('a missing data file', () => {
  it('assets.json 404: the app runs, and a notice says the services are missing and what still works', async () => {
    const s = await suite.session(ALLOW_404);
    await s.context.route('**/data/assets.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await openApp(s);
    await s.page
      .getByText(
        'The list of community services (assets.json) could not be read: the file is missing from the server (HTTP 404); the map, area profiles and comparisons work',
      )
      .waitFor();
    // The rest works: the legend is drawn, search finds a place and a postcode.
    expect(await s.page.getByRole('region', { name: 'Legend' }).locator('li').count()).toBe(6);
    const box = s.page.getByLabel('Search postcode, place or area');
    await box.fill('ts18 1hu');
    await s.page.getByRole('option', { name: /TS18 1HU/ }).waitFor();
  });

  it('geo-lsoa.json 404: switching to LSOAs says the boundaries are missing; the table still lists every LSOA', async () => {
    const s = await suite.session({ allowConsole: [...ALLOW_404.allowConsole, /map error/] });
    await s.context.route('**/data/geo-lsoa.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await openApp(s);
    // LSOA boundaries load when LSOAs are first shown, so that is when their absence is said.
    await s.page.getByLabel('Geography').selectOption('lsoa');
    await s.page.getByText('The LSOA boundaries (geo-lsoa.json) could not be loaded').waitFor();
    await s.page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = s.page.getByRole('region', { name: /by LSOA/ });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(124);
  });

  it('indicators.json 404: a plain message naming the file, with Try again', async () => {
    const s = await suite.session(ALLOW_404);
    await s.context.route('**/data/indicators.json', (r) => r.fulfill({ status: 404, body: '' }));
    await openFailing(s);
    expect(await alert(s).innerText()).toContain('The indicator data (indicators.json) could not be read: the file is missing from the server (HTTP 404). Nothing can be shown without it.');
  });
});

describe('a truncated data file', () => {
  it('indicators.json cut in half: a plain message naming the file; Try again loads the app once the file is whole', async () => {
    const s = await suite.session();
    const whole = built('indicators.json');
    await s.context.route('**/data/indicators.json', json(whole.slice(0, Math.floor(whole.length / 2))));
    await openFailing(s);
    const text = await alert(s).innerText();
    expect(text).toContain('The indicator data (indicators.json) could not be read: the file is incomplete or damaged. Nothing can be shown without it.');
    expect(text).not.toMatch(/Unterminated|position \d+|JSON/);
    await s.context.unroute('**/data/indicators.json');
    await s.page.getByRole('button', { name: 'Try again' }).click();
    await waitForMapIdle(s.page);
    expect(await alert(s).count()).toBe(0);
    expect(await s.page.getByRole('region', { name: 'Legend' }).locator('li').count()).toBe(6);
  });
});

describe('a data file of the wrong shape', () => {
  it('indicators.json = {}: a plain message, no page error', async () => {
    const s = await suite.session();
    await s.context.route('**/data/indicators.json', json('{}'));
    await openFailing(s);
    expect(await alert(s).innerText()).toMatch(/^The indicator data \(indicators\.json\) could not be read: the file is not in the expected form \(.+\)\. Nothing can be shown without it\./);
  });

  it('indicators.json with LSOA values one short: refused before anything draws', async () => {
    const s = await suite.session();
    const b = JSON.parse(built('indicators.json'));
    b.indicators[0].data.lsoa.values.pop();
    await s.context.route('**/data/indicators.json', json(JSON.stringify(b)));
    await openFailing(s);
    expect(await alert(s).innerText()).toContain('do not match its 124 areas');
  });

  it('places.json = {"a":1}: the app runs with a notice that place names cannot be searched', async () => {
    const s = await suite.session();
    await s.context.route('**/data/places.json', json('{"a":1}'));
    await openApp(s);
    await s.page.getByText('The list of towns and villages (places.json) could not be read: the file is not in the expected form').waitFor();
    expect(await s.page.getByText('search finds areas and postcodes but not place names').count()).toBe(1);
    // Areas are still found by name.
    await s.page.getByLabel('Search postcode, place or area').fill('Billingham Central');
    await s.page.getByRole('option', { name: /Billingham Central/ }).first().waitFor();
  });

  it('assets.json with one bad entry: the rest are kept, with a count', async () => {
    const s = await suite.session();
    const a = JSON.parse(built('assets.json'));
    a[0].category = 'shop';
    await s.context.route('**/data/assets.json', json(JSON.stringify(a)));
    await openApp(s);
    await s.page.getByText(`1 of ${a.length} entries in the list of community services (assets.json) were not in the expected form and are left out.`).waitFor();
  });

  it('postcodes.json = {}: search says in words that postcodes cannot be found and what it still finds', async () => {
    const s = await suite.session();
    await s.context.route('**/data/postcodes.json', json('{}'));
    await openApp(s);
    await s.page.getByLabel('Search postcode, place or area').fill('TS18 1HU');
    await s.page.getByText('The postcode list (postcodes.json) could not be read: the file is not in the expected form (it holds no postcodes); search finds places and areas by name, but not postcodes.').waitFor();
  });
});

describe('a slow or hung data file', () => {
  it('indicators.json never arrives: progress shows, then after the timeout a message and Try again', async () => {
    const s = await suite.session();
    await s.page.addInitScript(() => {
      (window as unknown as { __NHE_LOAD_TIMEOUT_MS: number }).__NHE_LOAD_TIMEOUT_MS = 3000;
    });
    const hung: Route[] = [];
    await s.context.route('**/data/indicators.json', (r) => {
      hung.push(r); // never fulfilled
    });
    await s.page.goto(s.baseUrl);
    // While it waits: a progress bar and the state of each file.
    await s.page.getByRole('progressbar', { name: 'Loading data' }).waitFor();
    const files = s.page.getByRole('list', { name: 'Data files' });
    await files.getByText('Indicator data (indicators.json): loading').waitFor();
    await files.getByText('List of towns and villages (places.json): loaded').waitFor();
    await alert(s).waitFor({ timeout: 10_000 });
    expect(await alert(s).innerText()).toContain('The indicator data (indicators.json) could not be read: nothing arrived for 3 seconds. Nothing can be shown without it.');
    expect(await s.page.getByRole('progressbar').count()).toBe(0);
    await s.context.unroute('**/data/indicators.json');
    await s.page.getByRole('button', { name: 'Try again' }).click();
    await waitForMapIdle(s.page);
  });

  it('postcodes on a slow line: the search box says "Loading postcodes…" until they arrive', async () => {
    const s = await suite.session();
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((res) => (release = res));
    await s.context.route('**/data/postcodes.json', async (r) => {
      await arrived;
      await r.continue();
    });
    await openApp(s);
    await s.page.getByLabel('Search postcode, place or area').fill('TS18 1HU');
    const status = s.page.locator('.search-status');
    await status.getByText('Loading postcodes…').waitFor();
    release();
    await s.page.getByRole('option', { name: /TS18 1HU/ }).waitFor();
    expect(await status.innerText()).not.toContain('Loading postcodes');
  });
});
