import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import type { IndicatorBundle } from '../../src/lib/core/types';
import { useBrowser, openApp, waitForMapIdle, axeViolations, builtData, type Session } from './harness';

let s: Session;
const suite = useBrowser();

const legendItems = (sess: Session) => sess.page.getByRole('region', { name: 'Legend' }).locator('li');
const profile = (sess: Session) => sess.page.getByRole('region', { name: 'Area profile' });

describe('area explorer', () => {
  it('loads the map offline with a 5-class legend in the indicator’s unit', async () => {
    s = await suite.session();
    await openApp(s);
    expect(await s.page.getByLabel('Indicator').inputValue()).toBe('imd_score');
    const items = legendItems(s);
    // 5 classes plus the no-data swatch.
    expect(await items.count()).toBe(6);
    expect(await items.last().innerText()).toContain('No data');
    const legend = s.page.getByRole('region', { name: 'Legend' });
    expect(await legend.innerText()).toContain('Index of Multiple Deprivation score (score)');
    // England's value is marked in one class.
    expect(await legend.locator('.england-marker').count()).toBe(1);
    // The indicator selector groups options by theme.
    expect(await s.page.locator('#indicator optgroup').count()).toBeGreaterThanOrEqual(3);
    const geoOptions = await s.page.getByLabel('Geography').locator('option').allInnerTexts();
    expect(geoOptions.join(' ')).toMatch(/Ward.*LSOA.*MSOA/);
  });

  it('the first view fetches only the boundaries it shows; LSOAs load, drawn and coloured, when first shown', async () => {
    s = await suite.session();
    const fetched: string[] = [];
    s.page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()!));
    await openApp(s);
    expect(fetched).toContain('geo-ward.json');
    expect(fetched).not.toContain('geo-lsoa.json');
    expect(fetched).not.toContain('geo-msoa.json');
    await s.page.getByLabel('Geography').selectOption('lsoa');
    await waitForMapIdle(s.page);
    expect(fetched).toContain('geo-lsoa.json');
    expect(fetched).not.toContain('geo-msoa.json');
    // Every LSOA is in the map's source, and each one with a value has its class colour as feature-state.
    const bundle = JSON.parse(builtData('indicators.json')) as IndicatorBundle;
    const state = await s.page.evaluate(async () => {
      const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const fc = (await (m.getSource('lsoa') as import('maplibre-gl').GeoJSONSource).getData()) as FeatureCollection;
      const codes = fc.features.map((f) => String(f.properties?.code));
      return { codes, filled: codes.filter((c) => m.getFeatureState({ source: 'lsoa', id: c }).fill).length };
    });
    expect(new Set(state.codes)).toEqual(new Set(bundle.areas.lsoa.codes));
    const withValue = bundle.indicators.find((i) => i.id === 'imd_score')!.data.lsoa!.values.filter((v) => v != null).length;
    expect(state.filled).toBe(withValue);
  });

  it('switching indicator and geography changes the legend and the table', async () => {
    s = await suite.session();
    await openApp(s);
    const before = await s.page.getByRole('region', { name: 'Legend' }).innerText();
    await s.page.getByLabel('Indicator').selectOption({ label: 'Income deprivation' });
    await s.page.getByLabel('Geography').selectOption('lsoa');
    await waitForMapIdle(s.page);
    const after = await s.page.getByRole('region', { name: 'Legend' }).innerText();
    expect(after).not.toBe(before);
    expect(after).toContain('Income deprivation (%)');
    expect(after).toMatch(/\d+\.\d%/);
    expect(await legendItems(s).count()).toBe(6);
    await s.page.getByRole('button', { name: 'Table' }).click();
    const table = s.page.getByRole('region', { name: /Income deprivation by LSOA/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(124);
    // Sort by value descending: first row has the highest value.
    await table.getByRole('button', { name: /^Value/ }).click();
    await table.getByRole('button', { name: /^Value/ }).click();
    const firstTwo = await table.locator('tbody tr td:nth-child(3)').evaluateAll((tds) => tds.slice(0, 2).map((t) => parseFloat(t.textContent ?? '')));
    expect(firstTwo[0]).toBeGreaterThanOrEqual(firstTwo[1]);
    expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1);
    // Back to MSOA: 26 rows.
    await s.page.getByLabel('Geography').selectOption('msoa');
    await s.page.getByRole('region', { name: /by MSOA/ }).waitFor();
    expect(await s.page.getByRole('region', { name: /by MSOA/ }).locator('tbody tr').count()).toBe(26);
  });

  it('a real Stockton postcode finds its LSOA and ward', async () => {
    // Expected answer worked out independently: ward from Code-Point Open, LSOA by point in polygon.
    const pcRow = readFileSync('data/assets/postcodes_stockton_on_tees.csv', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('TS18 1HU,'))!
      .split(',');
    const [lat, lon] = [Number(pcRow[1]), Number(pcRow[2])];
    const wardName = pcRow[9].trim();
    const lsoaGeo = JSON.parse(builtData('geo-lsoa.json')) as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
    const lsoa = lsoaGeo.features.find((f) => booleanPointInPolygon([lon, lat], f))!;
    expect(lsoa).toBeTruthy();

    s = await suite.session();
    await openApp(s);
    const box = s.page.getByLabel('Search postcode, place or area');
    await box.fill('ts18 1hu');
    const option = s.page.getByRole('option', { name: /TS18 1HU/ });
    await option.waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    const p = profile(s);
    await p.getByText('TS18 1HU is in:').waitFor();
    const text = await p.innerText();
    expect(text).toContain(lsoa.properties.name);
    expect(text).toContain(wardName);
    // The ward (current geography) is selected and its profile shown.
    expect(await p.locator('.profile-name').innerText()).toBe(wardName);
    // Open the LSOA from the postcode box.
    await p.getByRole('button', { name: lsoa.properties.name }).click();
    await waitForMapIdle(s.page);
    expect(await p.locator('.profile-name').innerText()).toBe(lsoa.properties.name);
    expect(new URL(s.page.url()).searchParams.get('area')).toBe(lsoa.properties.code);
  });

  it('a shared URL reopens the same view and selection; back restores the previous view', async () => {
    s = await suite.session();
    await openApp(s, 'geo=lsoa&ind=disability&mode=compare&area=E01012187');
    expect(await s.page.getByLabel('Geography').inputValue()).toBe('lsoa');
    expect(await s.page.getByLabel('Indicator').inputValue()).toBe('disability');
    expect(await s.page.getByLabel('Map shows').inputValue()).toBe('compare');
    const p = profile(s);
    expect(await p.locator('.profile-name').innerText()).toBe('Stockton-on-Tees 011A');
    const legend = await s.page.getByRole('region', { name: 'Legend' }).innerText();
    expect(legend).toContain('Better than England (95%)');
    expect(legend).toContain('Worse than England (95%)');
    // The disability row carries its comparison in words.
    const row = p.locator('tr[data-indicator="disability"]');
    expect(await row.innerText()).toMatch(/(Better than|Similar to|Worse than) England \(95%\)/);
    expect(await row.innerText()).toMatch(/95% CI \d+\.\d–\d+\.\d/);

    await s.page.getByLabel('Indicator').selectOption('crime_score');
    await waitForMapIdle(s.page);
    expect(new URL(s.page.url()).searchParams.get('ind')).toBe('crime_score');
    await s.page.goBack();
    await waitForMapIdle(s.page);
    expect(await s.page.getByLabel('Indicator').inputValue()).toBe('disability');
    expect(await p.locator('.profile-name').innerText()).toBe('Stockton-on-Tees 011A');
  });

  it('a malformed link is ignored with a message, not an error', async () => {
    s = await suite.session();
    await s.page.goto(`${s.baseUrl}?geo=county&ind=%3Cscript%3Ealert(1)%3C%2Fscript%3E&area=E01999999`);
    await waitForMapIdle(s.page);
    const status = await s.page.locator('.messages').innerText();
    expect(status).toContain('Unknown geography "county"');
    expect(status).toContain('Unknown indicator "<script>alert(1)</script>"');
    expect(await s.page.getByLabel('Geography').inputValue()).toBe('ward');
    expect(await s.page.locator('script:not([src])').count()).toBe(0);
  });

  it('compared with England for deprivation shows national deciles', async () => {
    s = await suite.session();
    await openApp(s, 'geo=lsoa&ind=imd_score');
    await s.page.getByLabel('Map shows').selectOption('compare');
    await waitForMapIdle(s.page);
    const items = legendItems(s);
    expect(await items.count()).toBe(11);
    expect(await items.first().innerText()).toContain('most deprived 10% in England');
    // Health sub-indicators have no comparison view.
    await s.page.getByLabel('Indicator').selectOption('ypll');
    expect(await s.page.getByRole('option', { name: /Compared with England \(not available\)/ }).isDisabled()).toBe(true);
  });

  it('hovering an area shows its name and value; clicking opens its profile', async () => {
    s = await suite.session();
    await openApp(s, 'geo=ward&ind=imd_score');
    const bundle = JSON.parse(builtData('indicators.json'));
    const i = bundle.areas.ward.names.indexOf('Norton North');
    const [lon, lat] = bundle.areas.ward.label[i];
    const pt = await s.page.evaluate(([x, y]) => (window as unknown as { __map: { project: (c: [number, number]) => { x: number; y: number } } }).__map.project([x, y]), [lon, lat]);
    const mapBox = (await s.page.getByTestId('map').boundingBox())!;
    await s.page.mouse.move(mapBox.x + pt.x, mapBox.y + pt.y);
    const tip = s.page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toContain('Norton North');
    expect(await tip.innerText()).toMatch(/Index of Multiple Deprivation score: \d+\.\d/);
    await s.page.mouse.click(mapBox.x + pt.x, mapBox.y + pt.y);
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get('area') !== null);
    expect(await profile(s).locator('.profile-name').innerText()).toBe('Norton North');
  });

  it('keyboard only: search an area by name and open its profile', async () => {
    s = await suite.session();
    await openApp(s);
    // Tab order from the top: the accessibility statement in the header, the four task links, then the search box.
    const order: string[] = [];
    for (let k = 0; k < 6; k++) {
      await s.page.keyboard.press('Tab');
      order.push(await s.page.evaluate(() => (document.activeElement?.id ? `#${document.activeElement.id}` : (document.activeElement?.textContent ?? ''))));
    }
    expect(order).toEqual(['Accessibility', 'Explore areas', 'Compare places', 'Near me', 'Appraise a site', '#search-input']);
    // "Hartburn" is a village and a ward: the search also lists places, MSOAs and LSOAs, so the person
    // arrows down to the ward (the first option is the place, not an area).
    await s.page.keyboard.type('Hartburn');
    await s.page.getByRole('option').first().waitFor();
    expect(await s.page.getByRole('option').first().getAttribute('data-kind')).not.toBe('ward');
    // Nothing is highlighted until the first ArrowDown.
    const highlightedKind = () => s.page.evaluate(() => document.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-kind') ?? null);
    expect(await highlightedKind()).toBe(null);
    for (let k = 0; k < 10 && (await highlightedKind()) !== 'ward'; k++) await s.page.keyboard.press('ArrowDown');
    expect(await highlightedKind()).toBe('ward');
    // Enter must open exactly the highlighted option: its code ends the option's text.
    const highlighted = await s.page.locator('[role="option"][aria-selected="true"]').innerText();
    const code = highlighted.match(/(E05\d{6})\s*$/)?.[1];
    expect(code, `a ward code in "${highlighted}"`).toBeTruthy();
    const bundle = JSON.parse(builtData('indicators.json')) as IndicatorBundle;
    const name = bundle.areas.ward.names[bundle.areas.ward.codes.indexOf(code!)];
    expect(name).toBe('Hartburn');
    expect(highlighted).toContain(name);
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get('area') !== null);
    expect(new URL(s.page.url()).searchParams.get('area')).toBe(code);
    expect(new URL(s.page.url()).searchParams.get('geo')).toBe('ward');
    expect(await profile(s).locator('.profile-name').innerText()).toBe(name);
  });

  it('the main view has no axe-core violations', async () => {
    s = await suite.session();
    await openApp(s, 'area=E05014882');
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.getByRole('button', { name: 'Table' }).click();
    expect(await axeViolations(s.page)).toEqual([]);
  });
});
