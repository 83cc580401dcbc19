import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { nearPostcode, useBrowser, openApp, axeViolations, expectNoHorizontalOverflow, PHONE, type Session } from './harness';
import { haversineMetres } from '../../src/lib/core/geo';

/** The same journeys as the laptop suites, on a phone-sized screen (375 × 667). */
let s: Session;
const suite = useBrowser();
const assets = JSON.parse(readFileSync('dist/data/assets.json', 'utf8')) as { name: string; category: string; status: string; lon: number; lat: number }[];
const postcodeRow = (pc: string) => readFileSync('data/assets/postcodes_stockton_on_tees.csv', 'utf8').split('\n').find((l) => l.startsWith(`${pc},`))!.split(',');

describe('on a phone (375 px wide)', () => {
  it('a resident searches a postcode, reads the nearest GP practice and its distance, and opens it', async () => {
    const row = postcodeRow('TS19 0AJ');
    const pt: [number, number] = [Number(row[2]), Number(row[1])];
    const nearest = assets
      .filter((a) => a.category === 'gp' && a.status !== 'closed')
      .map((a) => ({ a, d: haversineMetres(pt, [a.lon, a.lat]) }))
      .sort((x, y) => x.d - y.d)[0];
    s = await suite.session({ viewport: PHONE });
    await openApp(s);
    await expectNoHorizontalOverflow(s.page);
    const near = await nearPostcode(s.page, 'TS19 0AJ');
    const first = near.locator('.near-group[data-category="gp"] li').first();
    expect(await first.innerText()).toContain(nearest.a.name);
    // Worked out here, not with the app's formatter: metres to the nearest 10 under 1 km.
    const d = nearest.d;
    expect(await first.locator('.distance').innerText()).toBe(Math.round(d / 10) * 10 < 1000 ? `${Math.round(d / 10) * 10} m` : `${(d / 1000).toFixed(1)} km`);
    await first.getByRole('button').click();
    const details = s.page.getByRole('region', { name: 'Asset details' });
    await details.waitFor();
    expect(await details.innerText()).toContain(nearest.a.name);
    await expectNoHorizontalOverflow(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('the pilot team compares Stockton town centre and Portrack on hypertension, CHD and obesity, in words', async () => {
    s = await suite.session({ viewport: PHONE });
    await openApp(s);
    const nb = s.page.getByLabel('Neighbourhoods', { exact: true });
    for (const name of ['Stockton town centre', 'Portrack']) {
      await nb.selectOption({ label: name });
      await s.page.getByRole('button', { name: 'Add to comparison' }).click();
    }
    await s.page.getByRole('button', { name: 'Compare (2)' }).click();
    const region = s.page.getByRole('region', { name: 'Compare areas' });
    await region.waitFor();
    expect((await region.locator('thead th').allInnerTexts()).join('|')).toMatch(/Stockton town centre.*Portrack.*England/);
    for (const id of ['qof_hyp', 'qof_chd', 'qof_ob']) {
      const text = await region.locator(`tr[data-indicator="${id}"]`).innerText();
      expect(text, id).toMatch(/\d+\.\d%/);
      expect(text, id).toMatch(/(Lower than|Similar to|Higher than) England \(95%\)/);
    }
    await expectNoHorizontalOverflow(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('a planner enters a site postcode and reads the screening summary', async () => {
    s = await suite.session({ viewport: PHONE });
    await openApp(s);
    await s.page.getByRole('button', { name: 'Appraise a site' }).click();
    await s.page.getByLabel('Site postcode').fill('TS18 1LL');
    await s.page.getByRole('button', { name: 'Appraise postcode' }).click();
    const r = s.page.getByRole('region', { name: 'Site appraisal' });
    await r.waitFor({ timeout: 60_000 });
    const text = await r.innerText();
    expect(text).toContain('Within 400 m');
    expect(text).toMatch(/Residents/);
    await expectNoHorizontalOverflow(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
  });
});
