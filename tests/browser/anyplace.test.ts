import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as viteBuild, preview, type PreviewServer } from 'vite';
import type { Page } from 'playwright-core';
import { build as buildData } from '../../scripts/build/index';
import { parseCsv } from '../../src/lib/core/csv';
import type { IndicatorBundle } from '../../src/lib/core/types';
import { generateSyntheticPlace, lsoaName, SYNTHETIC_NAME, LSOA_COUNT } from '../fixtures/place-synthetic/generate';
import { useBrowser, openApp, axeViolations, type Session } from './harness';

/**
 * Any place: the same app, built from the same src/ and scripts/, for a SYNTHETIC test place
 * ("Synthetic Vale", made up by tests/fixtures/place-synthetic/generate.ts). The test writes the place's
 * data directory, runs the data build on it, builds the app with that data as its public folder, serves
 * it on its own port and uses it as a person would. Nothing but the data directory differs.
 */
let s: Session;
const suite = useBrowser();
let tmp: string;
let server: PreviewServer;
let baseUrl: string;
let bundle: IndicatorBundle;
let imdCsv: Record<string, string>[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'anyplace-synthetic-'));
  const dataDir = join(tmp, 'data-synthetic');
  generateSyntheticPlace(dataDir);
  buildData({ dataDir, outDir: join(tmp, 'public', 'data') });
  bundle = JSON.parse(readFileSync(join(tmp, 'public', 'data', 'indicators.json'), 'utf8')) as IndicatorBundle;
  imdCsv = parseCsv(readFileSync(join(dataDir, 'indicators', 'synthetic_imd_lsoa21.csv'), 'utf8')).rows;
  // The app as `npm run build` makes it, with the synthetic data as its public folder (configuration only).
  const outDir = join(tmp, 'dist');
  await viteBuild({ configFile: resolve('vite.config.ts'), publicDir: join(tmp, 'public'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
  server = await preview({ configFile: resolve('vite.config.ts'), build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  baseUrl = server.resolvedUrls!.local[0];
}, 150_000);

afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A session on the synthetic place's server. */
async function syntheticSession(opts?: Parameters<typeof suite.session>[0]): Promise<Session> {
  const sess = await suite.session(opts);
  sess.baseUrl = baseUrl;
  return sess;
}

/** Click an area on the map at its label point, as a person does. */
async function clickArea(page: Page, lonLat: [number, number]) {
  const pt = await page.evaluate(([x, y]) => (window as unknown as { __map: { project: (c: [number, number]) => { x: number; y: number } } }).__map.project([x, y]), lonLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + pt.x, box.y + pt.y);
}

describe('any place: a synthetic test place runs on the same code', () => {
  it('the build has no 2011 lookups for this place, and the app does not need them', () => {
    expect(existsSync(join(tmp, 'dist', 'data', 'lookups-2011.json'))).toBe(false);
    expect(existsSync(join(tmp, 'dist', 'data', 'indicators.json'))).toBe(true);
  });

  it('opens on the synthetic place: its name, its map, its indicators, an area’s profile with its value; axe clean', async () => {
    s = await syntheticSession();
    await openApp(s, 'geo=lsoa');
    expect(await s.page.getByRole('heading', { level: 1 }).innerText()).toContain(SYNTHETIC_NAME);
    // The map reached idle on this place's LSOAs (openApp waits for it), all of them drawn from the synthetic file.
    expect(bundle.areas.lsoa.codes).toHaveLength(LSOA_COUNT);
    // The Indicator list holds the registry's indicators, made from the synthetic files.
    const options = await s.page.getByLabel('Indicator').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const id of ['imd_score', 'income_score', 'disability', 'qof_hyp', 'access_gp_distance']) expect(options).toContain(id);
    // Choose an area on the map: its profile shows its name and the value from the synthetic file.
    const i = 5;
    await clickArea(s.page, bundle.areas.lsoa.label[i]);
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get('area') !== null);
    expect(new URL(s.page.url()).searchParams.get('area')).toBe(bundle.areas.lsoa.codes[i]);
    const profile = s.page.getByRole('region', { name: 'Area profile' });
    expect(await profile.locator('.profile-name').innerText()).toBe(lsoaName(i));
    const published = Number(imdCsv.find((r) => r.lsoa21_code === bundle.areas.lsoa.codes[i])!.imd_score);
    expect(await profile.locator('tr[data-indicator="imd_score"]').innerText()).toContain(published.toFixed(1));
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('a link to an area of the synthetic place reopens it; search finds its wards and named neighbourhood', async () => {
    s = await syntheticSession();
    const ward = bundle.areas.ward;
    await openApp(s, `geo=ward&area=${ward.codes[1]}`);
    expect(await s.page.getByRole('region', { name: 'Area profile' }).locator('.profile-name').innerText()).toBe(ward.names[1]);
    const box = s.page.getByLabel('Search postcode, place or area');
    await box.fill('Synthetic Centre neighbourhood');
    await s.page.getByRole('option', { name: /Synthetic Centre neighbourhood/ }).first().waitFor();
    await box.fill(ward.names[2]);
    await s.page.getByRole('option', { name: new RegExp(ward.names[2]) }).first().waitFor();
  });

  it('your own data: a file on its LSOA codes is matched; 2011 codes are not recognised, in plain words (no 2011 lookups here)', async () => {
    // The app asks for lookups-2011.json when a file is read; this place has none, so a static server answers
    // 404 (Chromium logs that as a console error: expected here) and vite preview its index.html (not JSON).
    s = await syntheticSession({ allowConsole: [/Failed to load resource: the server responded with a status of 404/] });
    const lookupAnswers: string[] = [];
    s.page.on('response', (r) => {
      if (r.url().endsWith('/data/lookups-2011.json')) lookupAnswers.push(`${r.status()} ${r.headers()['content-type'] ?? ''}`);
    });
    await openApp(s);
    const lsoa = bundle.areas.lsoa;
    const synthetic = `lsoa21cd,value\r\n${lsoa.codes.map((c, i) => `${c},${10 + i}`).join('\r\n')}\r\n`;
    await s.page.getByLabel('Add your data').setInputFiles({ name: 'synthetic-place-values.csv', mimeType: 'text/csv', buffer: Buffer.from(synthetic, 'utf8') });
    const yourData = s.page.getByRole('region', { name: 'Your data' });
    const report = yourData.getByRole('region', { name: 'Check of your file' });
    await report.waitFor();
    expect(await report.innerText()).toContain(`${lsoa.codes.length} of ${lsoa.codes.length} rows matched`);
    await yourData.getByRole('button', { name: 'Cancel' }).click();
    // Codes of another place's 2011 LSOAs: not this place's areas, said plainly, and nothing to apply.
    const other = 'lsoa11cd,value\r\nE01012187,1\r\nE01012188,2\r\n';
    await s.page.getByLabel('Add your data').setInputFiles({ name: 'synthetic-old-codes.csv', mimeType: 'text/csv', buffer: Buffer.from(other, 'utf8') });
    const note = yourData.getByText(`are not ${SYNTHETIC_NAME} LSOAs, MSOAs or wards.`).first();
    await note.waitFor();
    expect(await note.innerText()).not.toContain('2011');
    expect(lookupAnswers.length).toBeGreaterThan(0);
    for (const a of lookupAnswers) expect(a).not.toMatch(/^200 application\/json/);
  });
});
