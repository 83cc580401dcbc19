import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openApp, chooseTask, waitForMapIdle, nearPostcode, axeViolations, expectNoHorizontalOverflow, PHONE, type Session } from './harness';
import { haversineMetres } from '../../src/lib/core/geo';
import type { IndicatorBundle } from '../../src/lib/core/types';

/**
 * Place data, as a person meets it, at laptop and phone sizes: the green-space indicator mapped by LSOA with
 * its legend and an LSOA's profile value (worked out here from the built indicators.json), the LSOA's rank
 * beside its decile, the OpenStreetMap parks layer in Near me with its ODbL attribution, and the site
 * appraisal's green-space section. Every session fails on console errors and requests leaving the machine.
 */
let s: Session;
const suite = useBrowser();
const DIST = process.env.DIST_DIR ?? 'dist';
const bundle = JSON.parse(readFileSync(join(DIST, 'data', 'indicators.json'), 'utf8')) as IndicatorBundle;
const assets = JSON.parse(readFileSync(join(DIST, 'data', 'assets.json'), 'utf8')) as { id: string; name: string; category: string; lon: number; lat: number }[];
const ind = (id: string) => bundle.indicators.find((i) => i.id === id)!;
const SIZES = [
  ['laptop', { width: 1366, height: 900 }],
  ['phone', PHONE],
] as const;
// Each test walks a whole journey; on a shared 2-core machine one took over 90 s.
const SLOW = 180_000;
// Grouped as people read numbers, without the app's formatter.
const grouped = (n: number, d: number) => n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });

describe.each(SIZES)('green space and place data at %s size', (_size, viewport) => {
  it('the park-distance indicator maps by LSOA: legend in its unit, and an LSOA’s profile shows the built value and its IMD rank', async () => {
    const g = ind('greenspace_park_distance');
    const code = 'E01035197'; // a 2021 LSOA made when a 2011 LSOA was split: it carries its parent's value
    const i = bundle.areas.lsoa.codes.indexOf(code);
    const expected = g.data.lsoa!.values[i]!;
    const imd = ind('imd_score');
    s = await suite.session({ viewport });
    await openApp(s);
    await s.page.getByLabel('Geography').selectOption('lsoa');
    await s.page.getByLabel('Indicator').selectOption({ label: g.label });
    await waitForMapIdle(s.page);
    expect(new URL(s.page.url()).searchParams.get('ind')).toBe('greenspace_park_distance');
    const legend = s.page.getByRole('region', { name: 'Legend' });
    expect(await legend.innerText()).toContain(`${g.label} (${g.unit})`);
    // England's figure (the republisher's unweighted LSOA mean) is marked on the legend.
    expect(await legend.innerText()).toContain(`England ${grouped(g.england!.value, 0)}`);
    // The person finds the LSOA by its code and reads its profile.
    const box = s.page.getByLabel('Search postcode, place or area');
    await box.fill(code);
    await s.page.getByRole('option', { name: new RegExp(code) }).first().waitFor();
    await box.press('Enter');
    await waitForMapIdle(s.page);
    const profile = s.page.getByRole('region', { name: 'Area profile' });
    await profile.locator('.profile-name').getByText(bundle.areas.lsoa.names[i]).waitFor();
    const row = profile.locator('tr[data-indicator="greenspace_park_distance"]');
    expect(await row.locator('td .value').first().innerText()).toBe(grouped(expected, 0));
    // The method says how 2011 values reach 2021 LSOAs.
    await row.getByText('About this indicator').click();
    expect(await row.innerText()).toMatch(/mapped to 2021 LSOAs/);
    // Deprivation: the LSOA's published national rank sits beside its decile.
    await profile.getByText(imd.theme, { exact: false }).first().click();
    const imdRow = profile.locator('tr[data-indicator="imd_score"]');
    expect(await imdRow.innerText()).toContain(`Rank ${grouped(imd.data.lsoa!.ranks![i]!, 0)} of ${grouped(imd.rankOf!, 0)} in England`);
    expect(await imdRow.innerText()).toContain(`National decile ${imd.data.lsoa!.deciles![i]}`);
    await expectNoHorizontalOverflow(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
  }, SLOW);

  it('Near me: the OpenStreetMap parks layer switches on, lists unnamed parks, and credits OpenStreetMap (ODbL)', async () => {
    const parks = assets.filter((a) => a.category === 'osm_park');
    s = await suite.session({ viewport });
    await openApp(s);
    await chooseTask(s.page, 'Near me');
    const group = s.page.getByRole('group', { name: 'Community assets' });
    expect(await group.locator('[data-count="osm_park"]').innerText()).toBe(String(parks.length));
    await group.getByRole('checkbox', { name: 'Parks (OpenStreetMap)', exact: true }).check();
    expect(new URL(s.page.url()).searchParams.get('layers')?.split(',')).toContain('osm_park');
    // Every park point is in what the map's asset source holds (it holds only what is shown).
    await expect
      .poll(
        () =>
          s.page.evaluate(async () => {
            const m = (window as unknown as { __map: { getSource: (id: string) => { getData: () => Promise<{ features: { properties: { id: string } }[] }> } | undefined } }).__map;
            const src = m.getSource('assets');
            return src ? (await src.getData()).features.filter((f) => f.properties.id.startsWith('osm_park:')).length : -1;
          }),
        { timeout: 30_000 },
      )
      .toBe(parks.length);
    const near = await nearPostcode(s.page, 'TS18 1LL');
    const first = near.locator('.near-group[data-category="osm_park"] li').first();
    expect(await first.innerText()).toContain('Unnamed park');
    // The licence is credited in the sources (and in the map's attribution, behind the "i" button).
    const sources = s.page.getByText('Sources and attribution').first();
    await sources.click();
    expect(await s.page.getByText(/© OpenStreetMap contributors, available under the Open Database Licence \(ODbL\)/).first().isVisible()).toBe(true);
    expect(await s.page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('© OpenStreetMap contributors, available under the Open Database Licence (ODbL)');
    await expectNoHorizontalOverflow(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
  }, SLOW);

  it('site appraisal: a green-space section with park distance for the rings and OpenStreetMap park counts', async () => {
    const row = readFileSync('data/assets/postcodes_stockton_on_tees.csv', 'utf8').split('\n').find((l) => l.startsWith('TS18 1LL,'))!.split(',');
    const pt: [number, number] = [Number(row[2]), Number(row[1])];
    // Parks within 1,200 m of the site, worked out here; the ring is a polygon, so allow points within 2% of its edge.
    const within = (r: number) => assets.filter((a) => a.category === 'osm_park' && haversineMetres(pt, [a.lon, a.lat]) <= r).length;
    const distances = ind('greenspace_park_distance').data.lsoa!.values as number[];
    s = await suite.session({ viewport });
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    await s.page.getByLabel('Site postcode').fill('TS18 1LL');
    await s.page.getByRole('button', { name: 'Appraise postcode' }).click();
    const r = s.page.getByRole('region', { name: 'Site appraisal' });
    await r.waitFor();
    await r.getByRole('heading', { name: 'Green space and places to be active' }).waitFor();
    const cells = await r.locator('tr[data-indicator="greenspace_park_distance"] td').allInnerTexts();
    // Rings (3), borough, England: each ring value lies within the LSOA range.
    const ringValues = cells.slice(0, 3).map((t) => Number(t.split('\n')[0].replace(/,/g, '')));
    for (const v of ringValues) {
      expect(v).toBeGreaterThanOrEqual(Math.min(...distances));
      expect(v).toBeLessThanOrEqual(Math.max(...distances));
    }
    expect(cells[4]).toContain(grouped(ind('greenspace_park_distance').england!.value, 0));
    const counts = await r.locator('tr[data-category="osm_park"] td').allInnerTexts();
    const widest = Number(counts[2]);
    expect(widest).toBeGreaterThanOrEqual(within(1200 * 0.98));
    expect(widest).toBeLessThanOrEqual(within(1200 * 1.02));
    const text = await r.innerText();
    expect(text).not.toContain('no green-space data is bundled');
    expect(text).toMatch(/Green and open space: only how far homes are from the nearest park/);
    await expectNoHorizontalOverflow(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
  }, SLOW);
});
