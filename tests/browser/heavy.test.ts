/**
 * Heavy work off the main thread (issue 12, point 7): a 3,900-vertex site boundary is appraised in a worker
 * with progress and a cancel control while the page keeps answering; a 10,000-hub file does not draw its
 * list until it is opened, and then only the first 200; the hubs loader's warnings are shown.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser, openApp, chooseTask, taskNav, type Session } from './harness';

const suite = useBrowser();
let s: Session;

const row = readFileSync('data/assets/postcodes_stockton_on_tees.csv', 'utf8').split('\n').find((l) => l.startsWith('TS18 1LL,'))!.split(',');
const centre: [number, number] = [Number(row[2]), Number(row[1])];

/** A circle of `n` vertices and `radiusM` metres (a detailed boundary, as a planning GIS exports). */
function circle([lon, lat]: [number, number], radiusM: number, n: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([lon + (radiusM * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (radiusM * Math.sin(a)) / 110_540]);
  }
  ring.push(ring[0]);
  return ring;
}

describe('heavy work off the main thread', () => {
  it('a 3,900-vertex site: progress shown, the page answers, Cancel appraisal stops it, Appraise again completes', async () => {
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Appraise a site');
    // How long a click on the task navigation waits before it is handled (0 when the main thread is free).
    await s.page.evaluate(() => {
      const w = window as unknown as { __clickDelays: number[] };
      w.__clickDelays = [];
      document.querySelector('nav[aria-label="Tasks"]')!.addEventListener('click', (e) => w.__clickDelays.push(performance.now() - e.timeStamp), true);
    });
    const geojson = JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [circle(centre, 1500, 3900)] } });
    await s.page.getByLabel('Load site GeoJSON').setInputFiles({ name: 'detailed-site.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(geojson) });
    const bar = s.page.getByRole('progressbar', { name: 'Appraisal progress' });
    await bar.waitFor({ timeout: 30_000 });
    // Cancel: the bar goes, nothing is appraised, and it says so.
    // By keyboard (the bar's text updates many times a second, so the button's box is never "stable" for a pointer click).
    await s.page.getByRole('button', { name: 'Cancel appraisal' }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.getByText('Appraisal cancelled.').waitFor();
    expect(await bar.count()).toBe(0);
    expect(await s.page.getByRole('region', { name: 'Site appraisal' }).count()).toBe(0);
    // Run again; while it runs, clicks on the task navigation are handled at once (the current task's own link: no change).
    await s.page.getByRole('button', { name: 'Appraise again' }).click();
    await bar.waitFor();
    for (let i = 0; i < 3 && (await bar.isVisible()); i++) await taskNav(s.page).getByRole('link', { name: 'Appraise a site', exact: true }).click();
    const delays = await s.page.evaluate(() => (window as unknown as { __clickDelays: number[] }).__clickDelays);
    expect(delays.length).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThan(300);
    const r = s.page.getByRole('region', { name: 'Site appraisal' });
    await r.waitFor({ timeout: 120_000 });
    const text = await r.innerText();
    expect(text).toMatch(/Site: a boundary of [\d,.]+ ha/);
    expect(text).toContain('Within 1,200 m');
    expect(Number((await r.locator('tr[data-ring="400"] td').first().innerText()).replace(/,/g, ''))).toBeGreaterThan(1000);
    s.assertClean();
  }, 240_000);

  it('10,000 hubs: the closed list draws nothing, opened it draws 200 and counts the rest; warnings are shown', async () => {
    const header = 'name,organisation,kind,services,address,postcode,latitude,longitude,ward,contact,last_verified';
    const lines = [header];
    for (let i = 0; i < 10_000; i++) lines.push(`Synthetic hub ${i},,hub,,,,${(54.5560 + (i % 100) * 1e-5).toFixed(6)},${(-1.2925 + Math.floor(i / 100) * 1e-5).toFixed(6)},,,2025-01-01`);
    lines.push('Synthetic hub 0,,hub,,,,54.556000,-1.292500,,,2025-01-01'); // duplicate of the first
    lines.push('Synthetic hub bad date,,hub,,,,54.5561,-1.2926,,,2025-02-30');
    lines.push('Synthetic hub odd ward,,hub,,,,54.5562,-1.2927,Atlantis,,2025-01-01');
    s = await suite.session();
    await openApp(s);
    await chooseTask(s.page, 'Near me');
    await s.page.getByLabel('Load hubs and champions').setInputFiles({ name: 'synthetic-10k-hubs.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await s.page.locator('.hubs-status').getByText(/Loaded/).waitFor({ timeout: 60_000 });
    expect(await s.page.locator('.asset-list li').count()).toBe(0);
    const list = s.page.locator('details', { has: s.page.locator('summary', { hasText: 'List of assets shown' }) });
    await list.locator('summary').click();
    await list.locator('.asset-list li').first().waitFor();
    expect(await list.locator('.asset-list li').count()).toBe(200);
    expect(await list.innerText()).toMatch(/… and [\d,]+ more \(use Near here or the map\)/);
    // The loader's warnings, in words.
    const warnings = s.page.locator('.hubs-warnings');
    await warnings.locator('summary').click();
    await warnings.locator('li').first().waitFor();
    const w = await warnings.innerText();
    expect(w).toMatch(/same name and location as an earlier row/);
    expect(w).toMatch(/last_verified "2025-02-30" is not a date/);
    expect(w).toMatch(/ward "Atlantis" is not a borough ward/);
    // The map holds every hub (handed to its worker in parts), and points inside Mandale & Victoria (by
    // latitude/longitude) count as in the borough.
    const hubCount = Number((await s.page.locator('.asset-layers [data-count="hub"]').innerText()).replace(/,/g, ''));
    expect(hubCount).toBeGreaterThan(10_000);
    const onMap = () =>
      s.page.evaluate(async () => {
        const m = (window as unknown as { __map: { getSource: (id: string) => { getData: () => Promise<{ features: { properties: { category: string; inBorough: boolean } }[] }> } } }).__map;
        const hubs = (await m.getSource('assets').getData()).features.filter((f) => f.properties.category === 'hub');
        return { n: hubs.length, inBorough: hubs.every((f) => f.properties.inBorough) };
      });
    await expect.poll(async () => (await onMap()).n, { timeout: 60_000 }).toBe(hubCount);
    expect((await onMap()).inBorough).toBe(true);
    s.assertClean();
  }, 240_000);
});
