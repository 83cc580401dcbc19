import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openApp, chooseTask, taskNav, axeViolations, builtData, type Session } from './harness';
import { haversineMetres } from '../../src/lib/core/geo';

let s: Session;
const assets = JSON.parse(builtData('assets.json')) as { name: string; category: string; lon: number; lat: number; status: string }[];

const suite = useBrowser();

const region = (sess: Session) => sess.page.getByRole('region', { name: 'Site appraisal' });

describe('site appraisal', () => {
  it('a town-centre postcode gives catchments and a summary naming the nearest GP practice and the deprivation mix', async () => {
    const row = readFileSync('data/assets/postcodes_stockton_on_tees.csv', 'utf8').split('\n').find((l) => l.startsWith('TS18 1LL,'))!.split(',');
    const pt: [number, number] = [Number(row[2]), Number(row[1])];
    const nearestGp = assets.filter((a) => a.category === 'gp' && a.status !== 'closed').sort((a, b) => haversineMetres(pt, [a.lon, a.lat]) - haversineMetres(pt, [b.lon, b.lat]))[0];
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    await s.page.getByLabel('Site postcode').fill('TS18 1LL');
    await s.page.getByRole('button', { name: 'Appraise postcode' }).click();
    const r = region(s);
    await r.waitFor();
    const text = await r.innerText();
    expect(text).toContain('Within 400 m');
    expect(text).toContain('Within 1,200 m');
    expect(await r.locator('tr[data-category="gp"] .nearest').innerText()).toContain(nearestGp.name);
    expect(text).toMatch(/Decile 1: [\d,]+/);
    expect(text).toMatch(/Hypertension\s*modelled estimate/);
    expect(text).toContain('What this tool cannot tell you');
    // The catchments are on the map.
    const rings = await s.page.evaluate(() => {
      const m = (window as unknown as { __map: { getSource: (id: string) => { serialize: () => { data: { features: { properties: { role: string } }[] } } } } }).__map;
      return m.getSource('site').serialize().data.features.filter((f) => f.properties.role === 'catchment').length;
    });
    expect(rings).toBe(3);
    // The link reopens the same appraisal.
    const url = s.page.url();
    expect(new URL(url).searchParams.get('site')).toMatch(/^pt:/);
    const residents = await r.locator('tr[data-ring="800"] td').first().innerText();
    const other = await suite.session();
    await other.page.goto(url);
    await region(other).waitFor();
    expect(await region(other).locator('tr[data-ring="800"] td').first().innerText()).toBe(residents);
    expect(await axeViolations(s.page)).toEqual([]);
    // "Download summary" prints a one-page report with a map image (legend drawn in) and the tables.
    await s.page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed++;
      };
    });
    await r.getByRole('button', { name: 'Download summary' }).click();
    await s.page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
    const img = r.locator('img.site-map-image');
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await img.getAttribute('alt')).toContain('with legend');
    await s.page.emulateMedia({ media: 'print' });
    expect(await img.isVisible()).toBe(true);
    expect(await r.getByRole('table').first().isVisible()).toBe(true);
    expect(await r.getByText('Sources and attribution').isVisible()).toBe(true);
    // Printed: the summary only. Not the live map, the task navigation or the site entry controls
    // (the site task has no Indicator control, which the old layout's check looked for).
    expect(await s.page.locator('.map-wrap').isVisible()).toBe(false);
    expect(await taskNav(s.page).isVisible()).toBe(false);
    expect(await s.page.getByLabel('Site postcode').isVisible()).toBe(false);
    expect(await s.page.getByRole('button', { name: 'Draw site boundary' }).isVisible()).toBe(false);
    expect(await r.getByRole('button', { name: 'Download summary' }).isVisible()).toBe(false);
    await s.page.emulateMedia({ media: 'screen' });
  });

  it('draws a site boundary on the map', async () => {
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    await s.page.evaluate(() => (window as unknown as { __map: { jumpTo: (o: unknown) => void } }).__map.jumpTo({ center: [-1.31, 54.567], zoom: 14 }));
    await s.page.getByRole('button', { name: 'Draw site boundary' }).click();
    const box = (await s.page.getByTestId('map').boundingBox())!;
    for (const [fx, fy] of [
      [0.45, 0.45],
      [0.55, 0.45],
      [0.55, 0.55],
      [0.45, 0.55],
    ])
      await s.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await s.page.getByRole('button', { name: 'Finish boundary' }).click();
    await region(s).waitFor();
    expect(await region(s).innerText()).toMatch(/Site: a boundary of [\d.]+ ha/);
    expect(new URL(s.page.url()).searchParams.get('site')).toMatch(/^poly:/);
  });

  it('loads a British National Grid GeoJSON, exports CSV and GeoJSON, and the exported GeoJSON reproduces the appraisal', async () => {
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    await s.page.getByLabel('Load site GeoJSON').setInputFiles('tests/fixtures/site-bng.geojson');
    const r = region(s);
    await r.waitFor();
    expect(await r.innerText()).toMatch(/Site: a boundary of 4\.0 ha/);
    expect(await s.page.locator('.site-status').innerText()).toContain('British National Grid');
    expect(await s.page.locator('body').innerText()).not.toContain("alert('test site')");
    const residents = await r.locator('tr[data-ring="400"] td').first().innerText();

    const [csvDl] = await Promise.all([s.page.waitForEvent('download'), r.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await csvDl.path())!, 'utf8');
    expect(csv.split('\n').filter((l) => l.startsWith('#')).join(' ')).toContain('Open Government Licence');
    expect(csv).toContain('residents');
    expect(csv.split('\n').filter((l) => l && !l.startsWith('#')).length).toBeGreaterThan(10);

    const [gjDl] = await Promise.all([s.page.waitForEvent('download'), r.getByRole('button', { name: 'Download GeoJSON' }).click()]);
    const gj = JSON.parse(readFileSync((await gjDl.path())!, 'utf8'));
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features.map((f: { properties: { role: string } }) => f.properties.role)).toEqual(['site', 'catchment', 'catchment', 'catchment']);
    // Reload the exported file: the same appraisal.
    await s.page.getByRole('button', { name: 'Clear site' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(dir, 'exported.geojson'), JSON.stringify(gj));
    await s.page.getByLabel('Load site GeoJSON').setInputFiles(join(dir, 'exported.geojson'));
    await region(s).waitFor();
    expect(await region(s).locator('tr[data-ring="400"] td').first().innerText()).toBe(residents);
  });

  it('a bad GeoJSON file gets a clear message, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(dir, 'line.geojson'), JSON.stringify({ type: 'LineString', coordinates: [[-1.3, 54.5], [-1.31, 54.51]] }));
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    await s.page.getByLabel('Load site GeoJSON').setInputFiles(join(dir, 'line.geojson'));
    await s.page.locator('.site-status').getByText(/line\.geojson: /).waitFor();
    expect(await region(s).count()).toBe(0);
  });
});
