import { describe, it, expect } from 'vitest';
import { ASSET_CATEGORIES } from '../../src/lib/assets/categories';
import { readFileSync } from 'node:fs';
import { nearPostcode, useBrowser, openApp, chooseTask, axeViolations, waitForMapIdle, builtData, type Session } from './harness';
import { haversineMetres } from '../../src/lib/core/geo';

let s: Session;
const assets = JSON.parse(builtData('assets.json')) as { id: string; name: string; category: string; lon: number; lat: number; status: string; inBorough: boolean }[];
const fixture = 'tests/fixtures/hubs-champions-sample.csv';

const suite = useBrowser();

const group = (sess: Session) => sess.page.getByRole('group', { name: 'Community assets' });

describe('community assets', () => {
  it('a searched postcode lists the nearest GP practice with its straight-line distance', async () => {
    // Expected nearest GP worked out here from the asset list and the Code-Point centroid.
    const row = readFileSync('data/assets/postcodes_stockton_on_tees.csv', 'utf8').split('\n').find((l) => l.startsWith('TS19 0AJ,'))!.split(',');
    const pt: [number, number] = [Number(row[2]), Number(row[1])];
    const gps = assets.filter((a) => a.category === 'gp' && a.status !== 'closed').map((a) => ({ a, d: haversineMetres(pt, [a.lon, a.lat]) })).sort((x, y) => x.d - y.d);
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Near me');
    const near = await nearPostcode(s.page, 'TS19 0AJ');
    expect(await near.innerText()).toContain('straight-line');
    const first = near.locator('.near-group[data-category="gp"] li').first();
    expect(await first.innerText()).toContain(gps[0].a.name);
    const dist = await first.locator('.distance').innerText();
    const expected = gps[0].d < 1000 ? `${Math.round(gps[0].d / 10) * 10} m` : `${(gps[0].d / 1000).toFixed(1)} km`;
    expect(dist).toBe(expected);
    expect(await near.getByRole('columnheader', { name: 'within 400 m' }).count()).toBe(1);
    // Opening it shows its details in the panel.
    await first.getByRole('button').click();
    const details = s.page.getByRole('region', { name: 'Asset details' });
    await details.waitFor();
    expect(await details.innerText()).toContain(gps[0].a.name);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('toggling pharmacies off and on changes what is drawn, with counts shown', async () => {
    const open = (category: string) => assets.filter((a) => a.category === category && a.status !== 'closed').length;
    const pharmacies = open('pharmacy');
    s = await suite.session();
    await openApp(s);
    // Near me opens with the everyday services shown; the person keeps GP practices and pharmacies only.
    await chooseTask(s.page, 'Near me');
    const g = group(s);
    expect(new URL(s.page.url()).searchParams.get('layers')?.split(',').sort()).toEqual(['food_bank', 'gp', 'library', 'pharmacy']);
    await g.getByRole('checkbox', { name: 'Libraries', exact: true }).uncheck();
    await g.getByRole('checkbox', { name: 'Food banks', exact: true }).uncheck();
    expect(new URL(s.page.url()).searchParams.get('layers')?.split(',').sort()).toEqual(['gp', 'pharmacy']);
    expect(await g.locator('[data-count="pharmacy"]').innerText()).toBe(String(pharmacies));
    // What the map's asset source holds (it holds only what is shown), as the map worker has it.
    const drawn = () =>
      s.page.evaluate(async () => {
        const m = (window as unknown as { __map: { getSource: (id: string) => { getData: () => Promise<{ features: unknown[] }> } | undefined } }).__map;
        const src = m.getSource('assets');
        return src ? (await src.getData()).features.length : -1;
      });
    const gpCount = open('gp');
    await expect.poll(drawn, { timeout: 30_000 }).toBe(pharmacies + gpCount);
    await g.getByLabel('Pharmacies').uncheck();
    await expect.poll(drawn, { timeout: 30_000 }).toBe(gpCount);
    expect(new URL(s.page.url()).searchParams.get('layers')).toBe('gp');
    await g.getByLabel('Pharmacies').check();
    await expect.poll(drawn, { timeout: 30_000 }).toBe(pharmacies + gpCount);
    // The shapes differ by category: each checkbox (the built-in ones and "Your points") carries its own icon.
    expect(await g.locator('.asset-icon path').count()).toBe(ASSET_CATEGORIES.length);
    expect(new Set(await g.locator('.asset-icon path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))).size).toBe(ASSET_CATEGORIES.length);
  });

  it('loads a hubs-and-champions CSV: the bad row is reported, the rest drawn, individuals only as ward counts', async () => {
    const lines = readFileSync(fixture, 'utf8').trim().split('\n');
    const individuals = lines.filter((l) => l.includes(',champion_individual,')).length;
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Near me');
    await s.page.getByLabel('Load hubs and champions').setInputFiles(fixture);
    const status = s.page.locator('.hubs-status');
    await status.getByText(/Loaded/).waitFor();
    expect(await status.innerText()).toContain('1 row could not be placed');
    const rejected = await s.page.locator('.rejected').innerText();
    expect(rejected).toMatch(/Row 8: /);
    // Hubs and organisations become points; individuals become ward counts only.
    expect(await group(s).locator('[data-count="hub"]').innerText()).toBe('2');
    expect(await group(s).locator('[data-count="champion_org"]').innerText()).toContain(`${individuals} individuals by ward`);
    const features = await s.page.evaluate(() => {
      const m = (window as unknown as { __map: { getSource: (id: string) => { serialize: () => { data: { features: { properties: { category: string }; geometry: { coordinates: number[] } }[] } } } } }).__map;
      return m.getSource('assets').serialize().data.features.map((f) => ({ category: f.properties.category, c: f.geometry.coordinates }));
    });
    // Two hubs and one organisation are points; no point sits where an individual champion gave coordinates.
    expect(features.filter((f) => f.category === 'hub' || f.category === 'champion_org').length).toBe(3);
    expect(features.some((f) => Math.abs(f.c[0] - -1.3119) < 1e-6 && Math.abs(f.c[1] - 54.5866) < 1e-6)).toBe(false);
    const hubsOnMap = await s.page.evaluate(() => document.querySelectorAll('.champion-count').length);
    expect(hubsOnMap).toBeGreaterThan(0);
    const pageText = await s.page.locator('body').innerText();
    for (const l of lines.filter((x) => x.includes(',champion_individual,'))) expect(pageText).not.toContain(l.split(',')[0]);
    expect(await axeViolations(s.page)).toEqual([]);
    // Kept in this browser (as the file's text, read again): after a reload the same hubs and counts are back.
    await s.page.reload();
    await waitForMapIdle(s.page);
    await expect.poll(() => group(s).locator('[data-count="hub"]').innerText(), { timeout: 20_000 }).toBe('2');
    expect(await group(s).locator('[data-count="champion_org"]').innerText()).toContain(`${individuals} individuals by ward`);
  });
});
