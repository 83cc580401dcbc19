import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Page } from 'playwright-core';
import { useBrowser, openApp, chooseTask, taskNav, waitForMapIdle, axeViolations, builtData, type Session } from './harness';

let s: Session;
const bundle = JSON.parse(builtData('indicators.json'));
const lsoa = bundle.areas.lsoa;

const suite = useBrowser();

const compareRegion = (p: Page) => p.getByRole('region', { name: 'Compare areas' });
/** One row per measure: an earlier period is not a row of its own but the "since" line of its latest one. */
const earlier = new Set(bundle.indicators.map((i: { previousId?: string }) => i.previousId).filter(Boolean));
const measures = bundle.indicators.filter((i: { id: string }) => !earlier.has(i.id));

/** Add the pilot presets the way a person does: pick each in "Neighbourhoods", then "Add to comparison". */
async function addPresets(p: Page, names: string[]) {
  const nb = p.getByLabel('Neighbourhoods', { exact: true });
  for (const name of names) {
    await nb.selectOption({ label: name });
    await p.getByRole('button', { name: 'Add to comparison', exact: true }).click();
  }
}

/** Show one more theme in the comparison: open "Themes shown" and tick it. */
async function showTheme(p: Page, theme: string) {
  const region = compareRegion(p);
  const themes = region.locator('details.compare-themes');
  if ((await themes.getAttribute('open')) === null) await themes.locator('summary').click();
  await themes.getByRole('checkbox', { name: new RegExp(`^${theme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).check();
}

/** Screen position of a lon/lat on the map. */
async function screenPoint(p: Page, lonlat: [number, number]) {
  const pt = await p.evaluate((c) => (window as unknown as { __map: { project: (c: [number, number]) => { x: number; y: number } } }).__map.project(c), lonlat);
  const box = (await p.getByTestId('map').boundingBox())!;
  return { x: box.x + pt.x, y: box.y + pt.y };
}

describe('compare places', () => {
  it('opens the two pilot presets side by side with the borough and England', async () => {
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Compare places');
    await addPresets(s.page, ['Stockton town centre', 'Portrack']);
    const region = compareRegion(s.page);
    await region.locator('tbody tr[data-indicator]').first().waitFor();
    const headers = await region.locator('thead th').allInnerTexts();
    expect(headers.join('|')).toMatch(/Stockton town centre.*Portrack.*Stockton-on-Tees.*England/);
    // Household deprivation (not in the default themes): pooled values with intervals and categories in words.
    await showTheme(s.page, 'Population and households');
    const row = region.locator('tr[data-indicator="households_deprived_2plus"]');
    const text = await row.innerText();
    expect(text).toMatch(/95% CI \d+\.\d–\d+\.\d/);
    expect(text).toMatch(/(Better than|Similar to|Worse than) England \(95%\)/);
    // The town-centre value is the pooled value of its preset LSOAs.
    const ind = bundle.indicators.find((i: { id: string }) => i.id === 'households_deprived_2plus');
    const idx = bundle.presets.find((p: { id: string }) => p.id === 'town-centre').lsoas.map((c: string) => lsoa.codes.indexOf(c));
    const num = idx.reduce((a: number, i: number) => a + ind.data.lsoa.numerators[i], 0);
    const den = idx.reduce((a: number, i: number) => a + ind.data.lsoa.denominators[i], 0);
    const first = await row.locator('td').first().locator('.value').innerText();
    expect(first).toBe(`${((num / den) * 100).toFixed(1)}%`);
    // A chart per indicator row, in the themes shown and with every theme shown: one row (and chart) per
    // measure, since an earlier period is now the "since" line of its latest one, not a row of its own.
    expect(await region.locator('tbody svg.spine').count()).toBe(await region.locator('tbody tr[data-indicator]').count());
    for (const t of bundle.themes) if (bundle.indicators.some((i: { theme: string; id: string }) => i.theme === t && !earlier.has(i.id))) await showTheme(s.page, t);
    expect(await region.locator('tbody tr[data-indicator]').count()).toBe(measures.length);
    expect(await region.locator('tbody svg.spine').count()).toBe(measures.length);
    for (const m of measures) expect(await region.locator(`tr[data-indicator="${m.id}"] svg.spine`).count(), m.id).toBe(1);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('builds a neighbourhood by clicking three LSOAs, names it, shows pooled values, and the link reopens it', async () => {
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Compare places');
    await s.page.getByRole('button', { name: 'Pick LSOAs on the map' }).click();
    await waitForMapIdle(s.page);
    const picks = ['E01012267', 'E01035199', 'E01035197'].map((c) => lsoa.codes.indexOf(c));
    // Zoom to the town centre so the three LSOAs are big enough to click.
    await s.page.evaluate(() => (window as unknown as { __map: { jumpTo: (o: unknown) => void } }).__map.jumpTo({ center: [-1.31, 54.567], zoom: 14 }));
    await s.page.waitForTimeout(300);
    for (const i of picks) {
      const pt = await screenPoint(s.page, bundle.areas.lsoa.label[i]);
      await s.page.mouse.click(pt.x, pt.y);
    }
    const residents = picks.reduce((a, i) => a + lsoa.residents[i], 0);
    await s.page.getByText(`3 LSOAs selected · ${residents.toLocaleString('en-GB')} residents`).waitFor();
    await s.page.getByLabel('Neighbourhood name').fill('Our patch <b>&</b>');
    await s.page.getByRole('button', { name: 'Save neighbourhood' }).click();
    expect(await s.page.getByLabel('Neighbourhoods', { exact: true }).locator('option:checked').innerText()).toBe('Our patch <b>&</b>');
    await s.page.getByRole('button', { name: 'Add to comparison', exact: true }).click();
    const region = compareRegion(s.page);
    await region.locator('tbody tr[data-indicator]').first().waitFor();
    expect(await region.innerText()).toContain('Our patch <b>&</b>');
    // Disability is in "Population and households", outside the default themes.
    await showTheme(s.page, 'Population and households');
    expect(await region.innerText()).toContain(`3 LSOAs · ${residents.toLocaleString('en-GB')} residents`);
    const ind = bundle.indicators.find((i: { id: string }) => i.id === 'disability');
    const num = picks.reduce((a, i) => a + ind.data.lsoa.numerators[i], 0);
    const den = picks.reduce((a, i) => a + ind.data.lsoa.denominators[i], 0);
    expect(await region.locator('tr[data-indicator="disability"] td .value').first().innerText()).toBe(`${((num / den) * 100).toFixed(1)}%`);

    // The shared link, opened in a fresh browser profile (no saved neighbourhoods), shows the same.
    const url = s.page.url();
    const other = await suite.session();
    expect(new URL(url).searchParams.get('task')).toBe('compare');
    await other.page.goto(url);
    await compareRegion(other.page).locator('tbody tr[data-indicator]').first().waitFor();
    expect(await compareRegion(other.page).innerText()).toContain('Our patch <b>&</b>');
    expect(await compareRegion(other.page).innerText()).toContain(`3 LSOAs · ${residents.toLocaleString('en-GB')} residents`);
    // The themes shown are part of the link: the colleague sees disability without picking it.
    expect(new URL(url).searchParams.get('themes')).not.toBeNull();
    expect(await compareRegion(other.page).locator('tr[data-indicator="disability"] td .value').first().innerText()).toBe(`${((num / den) * 100).toFixed(1)}%`);
  });

  it('downloads the comparison as CSV with a header block and one row per indicator', async () => {
    s = await suite.session();
    await s.page.addInitScript(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed++;
      };
    });
    await openApp(s);
    await chooseTask(s.page, 'Compare places');
    await addPresets(s.page, ['Stockton town centre', 'Portrack']);
    const region = compareRegion(s.page);
    await region.locator('tbody tr[data-indicator]').first().waitFor();
    // The table shows the chosen themes; the download is the full record: every indicator, every period.
    expect(await region.locator('tbody tr[data-indicator]').count()).toBeLessThan(bundle.indicators.length);
    const [download] = await Promise.all([s.page.waitForEvent('download'), region.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\n');
    const header = lines.filter((l) => l.startsWith('#'));
    const body = lines.filter((l) => !l.startsWith('#'));
    expect(header.join('\n')).toContain('Open Government Licence');
    expect(header.join('\n')).toContain('Contains OS data');
    expect(body[0]).toContain('Stockton town centre: value');
    expect(body[0]).toContain('Portrack: compared with England');
    expect(body[0]).toContain('England: value');
    expect(body.length - 1).toBe(bundle.indicators.length);
    const disability = body.find((l) => l.includes(',disability,'))!;
    expect(disability).toMatch(/(Better than|Similar to|Worse than) England \(95%\)/);
    // The printed report: "Print or save as PDF" prints the panel's comparison as shown (table, key,
    // attribution, date); not the map, the task navigation or the controls. The default themes (conditions,
    // deprivation) judge Lower/Higher and deciles; the person adds "Population and households", whose
    // measures have a polarity, so Better/Worse words are printed too.
    await showTheme(s.page, 'Population and households');
    await region.getByRole('button', { name: 'Print or save as PDF' }).click();
    await s.page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
    await s.page.emulateMedia({ media: 'print' });
    expect(await region.isVisible()).toBe(true);
    expect(await region.locator('.compare-table').isVisible()).toBe(true);
    for (const id of ['qof_hyp', 'imd_score', 'disability']) expect(await region.locator(`tr[data-indicator="${id}"]`).isVisible(), id).toBe(true);
    expect(await region.locator('tr[data-indicator="qof_hyp"]').innerText()).toMatch(/(Lower than|Similar to|Higher than) England \(95%\)/);
    expect(await region.getByRole('heading', { name: 'Key' }).isVisible()).toBe(true);
    expect(await region.locator('.compare-key .spine-key').isVisible()).toBe(true);
    expect(await region.getByRole('heading', { name: 'Sources and attribution' }).isVisible()).toBe(true);
    expect(await region.getByText(/Contains OS data/).first().isVisible()).toBe(true);
    expect(await region.getByText(/^Printed \d+ \w+ \d{4}$/).isVisible()).toBe(true);
    const printed = await region.innerText();
    expect(printed).toMatch(/Printed \d+ \w+ \d{4}/);
    expect(printed).toContain('Worse than England');
    expect(printed).toContain('Contains OS data');
    // Not printed: the map, the task navigation, the controls.
    expect(await s.page.locator('.map-wrap').isVisible()).toBe(false);
    expect(await s.page.locator('.main').isVisible()).toBe(false);
    expect(await taskNav(s.page).isVisible()).toBe(false);
    for (const control of [
      s.page.getByLabel('Search postcode, place or area'),
      s.page.getByLabel('Neighbourhoods', { exact: true }),
      s.page.getByRole('button', { name: 'Add to comparison', exact: true }),
      s.page.getByRole('button', { name: 'Draw an area' }),
      region.getByRole('button', { name: 'Download CSV' }),
      region.getByRole('button', { name: 'Print or save as PDF' }),
      region.getByRole('button', { name: 'Widen comparison' }),
      region.locator('details.compare-themes'),
      region.getByRole('button', { name: /^Remove/ }).first(),
    ])
      expect(await control.isVisible(), String(control)).toBe(false);
    await s.page.emulateMedia({ media: 'screen' });
  });

  it('draws a polygon and selects the LSOAs whose population-weighted centroid is inside', async () => {
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Compare places');
    await s.page.getByRole('button', { name: 'Draw an area' }).click();
    await waitForMapIdle(s.page);
    await s.page.evaluate(() => (window as unknown as { __map: { jumpTo: (o: unknown) => void } }).__map.jumpTo({ center: [-1.31, 54.567], zoom: 13 }));
    await s.page.waitForTimeout(300);
    const box = (await s.page.getByTestId('map').boundingBox())!;
    const corners = [
      [box.x + box.width * 0.35, box.y + box.height * 0.35],
      [box.x + box.width * 0.65, box.y + box.height * 0.35],
      [box.x + box.width * 0.65, box.y + box.height * 0.65],
      [box.x + box.width * 0.35, box.y + box.height * 0.65],
    ];
    for (const [x, y] of corners) await s.page.mouse.click(x, y);
    await s.page.getByRole('button', { name: 'Finish drawing' }).click();
    // Expected: LSOAs whose PWC lies inside the same polygon, worked out here.
    const ring = await s.page.evaluate(
      (pts) => pts.map(([x, y]) => (window as unknown as { __map: { unproject: (p: [number, number]) => { lng: number; lat: number } } }).__map.unproject([x, y])).map((ll) => [ll.lng, ll.lat]),
      corners.map(([x, y]) => [x - box.x, y - box.y]),
    );
    const poly = { type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] };
    const expected = (bundle.lsoaLinks.pwc as [number, number][]).filter((p) => booleanPointInPolygon(p, poly)).length;
    expect(expected).toBeGreaterThan(0);
    await s.page.getByText(new RegExp(`^${expected} LSOAs? selected`)).waitFor();
  });

  it('a malformed neighbourhood in the link is ignored with a message', async () => {
    s = await suite.session();
    await openApp(s, 'view=compare&nb=%%%bad&cmp=custom:n1,preset:portrack,preset:nowhere');
    const msgs = await s.page.locator('.messages').innerText();
    expect(msgs).toContain('could not be read');
    expect(msgs).toContain('not in this data');
    expect(await compareRegion(s.page).innerText()).toContain('Portrack');
  });
});
