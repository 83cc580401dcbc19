import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { nearPostcode, useBrowser, openApp, waitForMapIdle, axeViolations, expectNoHorizontalOverflow, PHONE, builtData, type Session } from './harness';
import { haversineMetres } from '../../src/lib/core/geo';
import type { IndicatorBundle } from '../../src/lib/core/types';

/**
 * The four journeys of issue 10, done the way a person does them, at laptop and phone sizes.
 * Every session fails on a request leaving the machine or a console error (harness); each journey
 * also checks for sideways scrolling and axe-core violations along the way.
 */
let s: Session;
const suite = useBrowser();
const LAPTOP = { width: 1366, height: 900 } as const;
const SIZES = [
  ['laptop', LAPTOP],
  ['phone', PHONE],
] as const;
const bundle = JSON.parse(builtData('indicators.json')) as IndicatorBundle;
const assets = JSON.parse(builtData('assets.json')) as { name: string; category: string; status: string; lon: number; lat: number }[];
const postcodeRow = (pc: string) => readFileSync('data/assets/postcodes_stockton_on_tees.csv', 'utf8').split('\n').find((l) => l.startsWith(`${pc},`))!.split(',');
const ind = (id: string) => bundle.indicators.find((i) => i.id === id)!;

const tasks = (page: Page) => page.getByRole('navigation', { name: 'Tasks' });
async function chooseTask(page: Page, name: string) {
  await tasks(page).getByRole('link', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('#task-title')?.textContent === n, name);
}
async function expectClean(page: Page) {
  await expectNoHorizontalOverflow(page);
  expect(await axeViolations(page)).toEqual([]);
}

describe.each(SIZES)('journeys at %s size', (_size, viewport) => {
  it('resident: Near me, a postcode, the nearest GP practice and its distance, then its details', async () => {
    const row = postcodeRow('TS19 0AJ');
    const pt: [number, number] = [Number(row[2]), Number(row[1])];
    const nearest = assets
      .filter((a) => a.category === 'gp' && a.status !== 'closed')
      .map((a) => ({ a, d: haversineMetres(pt, [a.lon, a.lat]) }))
      .sort((x, y) => x.d - y.d)[0];
    s = await suite.session({ viewport });
    await openApp(s);
    // The first screen says what each task is for.
    expect(await tasks(s.page).getByRole('link').allInnerTexts()).toEqual(['Explore areas', 'Compare places', 'Near me', 'Appraise a site']);
    await expectClean(s.page);
    await chooseTask(s.page, 'Near me');
    expect(new URL(s.page.url()).searchParams.get('task')).toBe('near');
    expect(await tasks(s.page).getByRole('link', { name: 'Near me' }).getAttribute('aria-current')).toBe('page');
    const near = await nearPostcode(s.page, 'TS19 0AJ');
    const first = near.locator('.near-group[data-category="gp"] li').first();
    expect(await first.innerText()).toContain(nearest.a.name);
    // Worked out here, not with the app's formatter: metres to the nearest 10 under 1 km.
    const m = Math.round(nearest.d / 10) * 10;
    expect(await first.locator('.distance').innerText()).toBe(m < 1000 ? `${m} m` : `${(nearest.d / 1000).toFixed(1)} km`);
    await first.getByRole('button').click();
    const details = s.page.getByRole('region', { name: 'Asset details' });
    await details.waitFor();
    expect(await details.innerText()).toContain(nearest.a.name);
    await expectClean(s.page);
  });

  it('pilot team: Compare places, Stockton town centre and Portrack against the borough and England, CSV, shared link', async () => {
    s = await suite.session({ viewport });
    await openApp(s);
    await chooseTask(s.page, 'Compare places');
    const nb = s.page.getByLabel('Neighbourhoods', { exact: true });
    for (const name of ['Stockton town centre', 'Portrack']) {
      await nb.selectOption({ label: name });
      await s.page.getByRole('button', { name: 'Add to comparison', exact: true }).click();
    }
    const region = s.page.getByRole('region', { name: 'Compare areas' });
    await region.locator('tr[data-indicator="qof_hyp"]').waitFor();
    expect((await region.locator('thead th').allInnerTexts()).join('|')).toMatch(new RegExp(`Stockton town centre.*Portrack.*${bundle.place.name}.*England`, 's'));
    // The default focus: long-term conditions and deprivation, one row per measure.
    for (const id of ['qof_hyp', 'qof_chd', 'qof_ob']) {
      const text = await region.locator(`tr[data-indicator="${id}"]`).innerText();
      expect(text, id).toMatch(/\d+\.\d%/);
      expect(text, id).toMatch(/(Lower than|Similar to|Higher than) England \(95%\)/);
      expect(text, id).toContain(`England`);
      // The change since the earlier period, judged against the intervals.
      expect(text, id).toMatch(/since 2022-23, (beyond|within) the intervals/);
    }
    expect(await region.locator('tr[data-indicator="imd_score"]').count()).toBe(1);
    expect(await region.locator('tr[data-indicator="qof_hyp_2022_23"]').count()).toBe(0);
    expect(await region.locator('tr[data-indicator="usual_residents"]').count()).toBe(0);
    // The focus is theirs to change, and the link keeps it.
    await region.locator('details.compare-themes > summary').click();
    await region.getByLabel(/^Population and households/).check();
    await region.locator('tr[data-indicator="usual_residents"]').waitFor();
    // The spine chart has a key and says what it shows.
    expect(await region.getByText('dashed line').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([s.page.waitForEvent('download'), region.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const body = csv.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(body[0]).toContain('Stockton town centre: value');
    expect(body[0]).toContain('Portrack: compared with England');
    const hyp = body.find((l) => l.includes(',qof_hyp,'))!;
    expect(hyp).toContain(ind('qof_hyp').england!.value.toFixed(1).slice(0, 3));
    await expectClean(s.page);
    // The shared link reopens the same comparison in the same task.
    const url = s.page.url();
    expect(new URL(url).searchParams.get('cmp')).toBe('preset:town-centre,preset:portrack');
    const other = await suite.session({ viewport });
    await other.page.goto(url);
    await waitForMapIdle(other.page);
    const again = other.page.getByRole('region', { name: 'Compare areas' });
    await again.locator('tr[data-indicator="qof_ob"]').waitFor();
    expect(await again.locator('tr[data-indicator="qof_ob"]').innerText()).toBe(await region.locator('tr[data-indicator="qof_ob"]').innerText());
    expect(await again.locator('tr[data-indicator="usual_residents"]').count()).toBe(1);
    // The back button returns to the task before.
    for (let k = 0; k < 4; k++) await s.page.goBack();
    await s.page.waitForFunction(() => document.querySelector('#task-title')?.textContent === 'Explore areas');
  });

  it('planner: Appraise a site, a postcode, the summary, printed', async () => {
    s = await suite.session({ viewport });
    await s.page.addInitScript(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed++;
      };
    });
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    await s.page.getByLabel('Site postcode').fill('TS18 1LL');
    await s.page.getByRole('button', { name: 'Appraise postcode' }).click();
    const r = s.page.getByRole('region', { name: 'Site appraisal' });
    await r.waitFor({ timeout: 60_000 });
    const text = await r.innerText();
    expect(text).toContain('Within 400 m');
    expect(text).toMatch(/Residents/);
    expect(text).toContain('What this tool cannot tell you');
    await expectClean(s.page);
    await r.getByRole('button', { name: 'Download summary' }).click();
    await s.page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
    await s.page.emulateMedia({ media: 'print' });
    expect(await r.isVisible()).toBe(true);
    expect(await tasks(s.page).isVisible()).toBe(false);
    expect(await s.page.getByLabel('Site postcode').isVisible()).toBe(false);
    await s.page.emulateMedia({ media: 'screen' });
  });

  it('explorer: an indicator and its period, the legend, the table and chart, a practice found by name', async () => {
    s = await suite.session({ viewport });
    await openApp(s);
    const list = s.page.getByLabel('Indicator', { exact: true });
    // One entry per measure: no year-suffixed duplicates in the list.
    expect((await list.locator('option').allInnerTexts()).some((t) => /\(20\d\d-\d\d\)/.test(t))).toBe(false);
    await list.selectOption({ label: 'Hypertension' });
    await waitForMapIdle(s.page);
    const period = s.page.getByLabel('Period');
    expect(await period.locator('option:checked').innerText()).toContain('2024-25');
    await period.selectOption({ label: '2022-23' });
    await waitForMapIdle(s.page);
    expect(new URL(s.page.url()).searchParams.get('ind')).toBe('qof_hyp_2022_23');
    const legend = s.page.getByRole('region', { name: 'Legend' });
    const legendText = await legend.innerText();
    const eng = ind('qof_hyp_2022_23').england!.value;
    expect(legendText).toContain(`England: ${eng.toFixed(1)}%`);
    expect(legendText).not.toMatch(/_[a-z]/);
    await s.page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = s.page.getByRole('region', { name: /Hypertension/ });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(bundle.areas.ward.codes.length);
    const chart = s.page.getByRole('img', { name: /^Bar chart: Hypertension/ });
    expect(await chart.getAttribute('aria-label')).toContain('England');
    expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(bundle.areas.ward.codes.length);
    await expectClean(s.page);
    // A practice by name, typed with a typo-free fragment, opens its profile.
    await s.page.getByRole('button', { name: 'Map', exact: true }).click();
    const box = s.page.getByLabel('Search postcode, place or area');
    await box.fill('Densham');
    await s.page.getByRole('option', { name: /Densham/ }).first().waitFor();
    await box.press('Enter');
    const profile = s.page.getByRole('region', { name: 'Practice profile' });
    await profile.waitFor();
    expect(await profile.innerText()).toContain('Densham');
    await expectClean(s.page);
  });
});
