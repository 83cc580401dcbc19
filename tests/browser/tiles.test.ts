/**
 * A place built with vector tiles (`build-data --tiles`): the app draws its areas from the tiles with the same
 * feature-state colouring, hover and selection as the GeoJSON build. The real data are built with the tiles
 * option into a temporary folder and served in place of the built app's data/ (only for this file's pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorBundle } from '../../src/lib/core/types';
import { build } from '../../scripts/build/index';
import { useBrowser, openApp, waitForMapIdle, axeViolations, PHONE, type Session, type SessionOptions } from './harness';

const suite = useBrowser();
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nhe-tiled-data-'));
  build({ outDir: dir, tiles: true, builtAt: '2001-02-03T04:05:06.000Z' });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A session whose data/ comes from the tiled build; returns the data files the page asked for. */
async function tiledSession(opts: SessionOptions = {}): Promise<{ s: Session; asked: string[] }> {
  const s = await suite.session(opts);
  const asked: string[] = [];
  await s.context.route('**/data/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    const rel = path.slice(path.indexOf('/data/') + '/data/'.length);
    const file = join(dir, rel);
    if (!existsSync(file) || !statSync(file).isFile()) return route.fallback();
    asked.push(rel);
    return route.fulfill({ body: readFileSync(file), contentType: rel.endsWith('.pbf') ? 'application/vnd.mapbox-vector-tile' : 'application/json' });
  });
  return { s, asked };
}

type MapHandle = {
  project: (c: [number, number]) => { x: number; y: number };
  queryRenderedFeatures: (p: [number, number], o: { layers: string[] }) => { id?: string | number; state: Record<string, unknown>; sourceLayer?: string }[];
};

describe('a place built with vector tiles', () => {
  it('draws LSOAs from the tiles, coloured by feature-state; hover names the area, a click opens its profile', async () => {
    const { s, asked } = await tiledSession();
    await openApp(s, 'geo=lsoa&ind=imd_score');
    expect(asked.some((f) => /^tiles\/lsoa\/\d+\/\d+\/\d+\.pbf$/.test(f)), 'LSOA tiles fetched').toBe(true);
    // (geo-lsoa.json may still be fetched: the service worker precaches data/*.json, and site appraisal reads it.)
    expect(await s.page.evaluate(() => (window as unknown as { __map: { getSource: (id: string) => { type: string } } }).__map.getSource('lsoa').type)).toBe('vector');

    const bundle = JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')) as IndicatorBundle;
    const i = Math.floor(bundle.areas.lsoa.codes.length / 2);
    const [lon, lat] = bundle.areas.lsoa.label[i];
    const pt = await s.page.evaluate(([x, y]) => (window as unknown as { __map: MapHandle }).__map.project([x, y]), [lon, lat] as [number, number]);
    const at = async () =>
      s.page.evaluate(([x, y]) => (window as unknown as { __map: MapHandle }).__map.queryRenderedFeatures([x, y], { layers: ['lsoa-fill'] }).map((f) => ({ id: f.id, fill: f.state.fill, sourceLayer: f.sourceLayer })), [pt.x, pt.y] as [number, number]);
    const [here] = await at();
    expect(here).toMatchObject({ id: bundle.areas.lsoa.codes[i], sourceLayer: 'lsoa' });
    expect(here.fill).toMatch(/^#[0-9a-f]{6}$/i);

    const mapBox = (await s.page.getByTestId('map').boundingBox())!;
    await s.page.mouse.move(mapBox.x + pt.x, mapBox.y + pt.y);
    const tip = s.page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toContain(bundle.areas.lsoa.names[i]);
    expect((await at())[0].id).toBe(bundle.areas.lsoa.codes[i]);
    await s.page.mouse.click(mapBox.x + pt.x, mapBox.y + pt.y);
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get('area') !== null);
    expect(await s.page.locator('.profile-name').first().innerText()).toBe(bundle.areas.lsoa.names[i]);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('changing the indicator recolours the tiled areas', async () => {
    const { s } = await tiledSession();
    await openApp(s, 'geo=ward&ind=imd_score');
    const bundle = JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')) as IndicatorBundle;
    const [lon, lat] = bundle.areas.ward.label[0];
    const fillAt = async () =>
      s.page.evaluate(([x, y]) => {
        const map = (window as unknown as { __map: MapHandle }).__map;
        const p = map.project([x, y]);
        return map.queryRenderedFeatures([p.x, p.y], { layers: ['ward-fill'] })[0]?.state.fill ?? null;
      }, [lon, lat] as [number, number]);
    const before = await fillAt();
    expect(before).toMatch(/^#[0-9a-f]{6}$/i);
    await s.page.getByLabel('Map shows').selectOption('compare');
    await waitForMapIdle(s.page);
    const after = await fillAt();
    expect(after).toMatch(/^#[0-9a-f]{6}$/i);
    expect(after).not.toBe(before);
  });

  it('fetches only the shown indicator’s values; another indicator’s come when chosen, and a profile fetches the rest', async () => {
    const { s, asked } = await tiledSession();
    await openApp(s, 'geo=ward&ind=imd_score');
    const values = () => asked.filter((f) => f.startsWith('values/'));
    // indicators.json carries descriptions only; the first view asked for one indicator's values.
    const bundle = JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')) as IndicatorBundle;
    expect(bundle.valuesSplit).toBe(true);
    expect(bundle.indicators.every((i) => Object.keys(i.data).length === 0)).toBe(true);
    expect(values()).toEqual(['values/imd_score.json']);
    // The legend's classes come from those values.
    const imd = JSON.parse(readFileSync(join(dir, 'values', 'imd_score.json'), 'utf8')) as { data: IndicatorBundle['indicators'][number]['data'] };
    const legend = s.page.getByRole('region', { name: 'Legend' });
    expect(await legend.locator('li').count()).toBe(6);
    expect(await legend.innerText()).toContain(imd.data.ward!.breaks.quantile[1].toFixed(1));

    await s.page.getByLabel('Indicator').selectOption({ label: 'Income deprivation' });
    await waitForMapIdle(s.page);
    const income = bundle.indicators.find((i) => i.label === 'Income deprivation')!;
    expect(values()).toEqual(['values/imd_score.json', `values/${income.id}.json`]);

    // An area's profile shows every indicator, so it fetches the rest; its values are the files' values.
    await s.page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = s.page.getByRole('region', { name: /by ward/i });
    await table.locator('tbody tr').first().waitFor();
    await table.locator('tbody tr').first().getByRole('button').first().click();
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get('area') !== null);
    await s.page.locator('.profile-section').first().waitFor();
    expect(new Set(values())).toEqual(new Set(bundle.indicators.map((i) => `values/${i.id}.json`)));
    const area = await s.page.evaluate(() => new URLSearchParams(location.search).get('area')!);
    const k = bundle.areas.ward.codes.indexOf(area);
    const row = s.page.getByRole('region', { name: 'Area profile' }).getByRole('row', { name: /^Index of Multiple Deprivation score/ }).first();
    expect(await row.innerText()).toContain(imd.data.ward!.values[k]!.toFixed(1));
  });

  it.each([
    ['laptop', undefined],
    ['phone', PHONE],
  ])('a missing values file (%s): a plain message naming it; the other indicators still show', async (_size, viewport) => {
    // Chromium logs the 404 itself; the app says it in words.
    const { s } = await tiledSession({ viewport, allowConsole: [/Failed to load resource: the server responded with a status of 404/] });
    const bundle = JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')) as IndicatorBundle;
    const income = bundle.indicators.find((i) => i.label === 'Income deprivation')!;
    await s.context.route(`**/data/values/${income.id}.json`, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await openApp(s, 'geo=ward&ind=imd_score');
    await s.page.getByLabel('Indicator').selectOption({ label: 'Income deprivation' });
    await s.page.getByText(`The values of one indicator (values/${income.id}.json) could not be read: the file is missing from the server (HTTP 404); that indicator cannot be shown or compared; the others still can.`).waitFor();
    await waitForMapIdle(s.page);
    // Shown as having no data, not as a wrong number; back to another indicator, the map has classes again.
    expect(await s.page.getByRole('region', { name: 'Legend' }).innerText()).toContain('No data');
    await s.page.getByLabel('Indicator').selectOption('imd_score');
    await waitForMapIdle(s.page);
    expect(await s.page.getByRole('region', { name: 'Legend' }).locator('li').count()).toBe(6);
  });
});
