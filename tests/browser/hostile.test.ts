import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { useBrowser, openApp, chooseTask, type Session } from './harness';

/** Hostile links and huge input, as someone sending a link or a file would try them. */
const suite = useBrowser();
let s: Session;

const FORMULA = /^[\t\r]|^[ \u00a0]*[=+\-@]/;

describe('hostile links and huge input', () => {
  it('a neighbourhood named a,=HYPERLINK(…) in a link: the comparison CSV has no formula cell and keeps its structure', async () => {
    s = await suite.session();
    await openApp(s, 'nb=B.a%2C%3DHYPERLINK(%22http%3A%2F%2Fevil.example%22)&cmp=custom:n1&view=compare');
    const region = s.page.getByRole('region', { name: 'Compare areas' });
    await region.locator('tbody tr[data-indicator]').first().waitFor();
    const [download] = await Promise.all([s.page.waitForEvent('download'), region.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const all = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
    for (const row of all) for (const cell of row) if (!/^-?\d[\d.e+-]*$/.test(cell)) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(FORMULA);
    const body = Papa.parse<string[]>(text, { delimiter: ',', comments: '#', skipEmptyLines: true });
    expect(body.errors).toEqual([]);
    const width = body.data[0].length;
    expect(body.data[0]).toContain('a,=HYPERLINK("http://evil.example"): value');
    expect(body.data.length).toBeGreaterThan(10);
    for (const r of body.data) expect(r).toHaveLength(width);
    expect(text.split('\n').find((l) => l.startsWith('# Places'))).toContain(`"'=HYPERLINK(""http://evil.example"")`);
  });

  it('?basemap=streets asks first; "Not now" keeps the built-in map and nothing leaves the computer', async () => {
    s = await suite.session();
    await openApp(s, 'basemap=streets');
    const q = s.page.getByText('This link asks to show an online street map from OpenStreetMap. Show it?');
    await q.waitFor();
    await s.page.waitForTimeout(500);
    expect(s.external).toEqual([]);
    expect(await s.page.getByLabel(/Street basemap/).isChecked()).toBe(false);
    expect(new URL(s.page.url()).searchParams.has('basemap')).toBe(false);
    await s.page.getByRole('button', { name: 'Not now' }).click();
    await q.waitFor({ state: 'detached' });
    await s.page.waitForTimeout(500);
    expect(await s.page.getByLabel(/Street basemap/).isChecked()).toBe(false);
    expect(await s.page.evaluate(() => !!(window as unknown as { __map?: { getSource: (id: string) => unknown } }).__map?.getSource('streets'))).toBe(false);
  });

  it('"Show street map" turns it on; when the tiles cannot be reached it switches off with a notice', async () => {
    s = await suite.session({ allowConsole: [/Failed to load resource/, /ERR_/] });
    // The tile server cannot be reached (the request is stopped here: nothing leaves the computer).
    await s.context.route(/tile\.openstreetmap\.org/, (route) => route.abort('internetdisconnected'));
    await openApp(s, 'basemap=streets');
    await s.page.getByRole('button', { name: 'Show street map' }).click();
    await s.page.getByText('The street map could not be reached; the built-in map is shown.').waitFor();
    expect(await s.page.getByLabel(/Street basemap/).isChecked()).toBe(false);
    expect(s.external).toEqual([]);
  });

  it('a 3,900-vertex site boundary writes a link under 8 KB that reopens, and says it holds a simplified boundary', async () => {
    const n = 3900;
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      const w = 1 + 0.05 * Math.sin(17 * a) + 0.01 * Math.sin(301 * a);
      return [Number((-1.315 + 0.006 * w * Math.cos(a)).toFixed(7)), Number((54.565 + 0.0035 * w * Math.sin(a)).toFixed(7))];
    });
    ring.push(ring[0]);
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const file = join(dir, 'detailed-site.geojson');
    writeFileSync(file, JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    await s.page.getByLabel('Load site GeoJSON').setInputFiles(file);
    const r = s.page.getByRole('region', { name: 'Site appraisal' });
    await r.waitFor({ timeout: 60_000 });
    await r.getByText(/The link holds a simplified boundary \(within ~[\d,]+ m\); download the GeoJSON for the exact one\./).waitFor();
    const url = s.page.url();
    expect(url.length).toBeLessThanOrEqual(8192);
    expect(new URL(url).search.length).toBeLessThanOrEqual(7000);
    // Someone else opens the link: the site is read, appraised, and not refused.
    const other = await suite.session();
    await other.page.goto(url);
    const r2 = other.page.getByRole('region', { name: 'Site appraisal' });
    await r2.waitFor({ timeout: 60_000 });
    expect(await r2.innerText()).toMatch(/Site: a boundary of [\d.]+ ha/);
    expect(await other.page.locator('body').innerText()).not.toContain('could not be read');
  });

  it('?site=pt:999,999 and pt:0,0 are not appraised as if they were places', async () => {
    for (const site of ['pt:999,999', 'pt:0,0']) {
      s = await suite.session();
      await openApp(s, `site=${encodeURIComponent(site)}`);
      await s.page.getByText(/The site in the link is not in or near Stockton-on-Tees and was ignored\./).first().waitFor();
      expect(await s.page.getByRole('region', { name: 'Site appraisal' }).count()).toBe(0);
    }
  });
});
