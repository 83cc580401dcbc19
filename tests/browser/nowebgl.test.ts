import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { nearPostcode, useBrowser, chooseTask, taskNav, waitForMapIdle, openApp, axeViolations, expectNoHorizontalOverflow, PHONE, type Session } from './harness';

/**
 * Issue 12, point 1 and the map half of point 2: the app without WebGL, and a WebGL context lost at run time.
 * Without WebGL the map area says so (role="alert") and everything else works; the console has no errors
 * (the harness fails the test on any), the page never scrolls sideways and axe finds nothing.
 */
const LAPTOP = { width: 1366, height: 900 } as const;
const SIZES = [
  ['laptop', LAPTOP],
  ['phone', PHONE],
] as const;
const CANNOT = 'This device cannot show the map; everything else works.';
const LOST = 'The map lost its graphics context; trying to restore it…';

async function expectClean(page: Page) {
  await expectNoHorizontalOverflow(page);
  expect(await axeViolations(page)).toEqual([]);
}

/** Open the app with no map: the idle signal never comes, so wait for the task navigation and the map's error state. */
async function openWithoutMap(s: Session, query = '') {
  // Making the map is the WebGL2 check: MapLibre's GPUInitializationError is recognised as "no WebGL" and said
  // plainly, never reported as the map failing; no map (and no half-made map element) is left behind.
  const tried: string[] = [];
  s.page.on('console', (m) => /The map stopped/.test(m.text()) && tried.push(m.text()));
  await s.page.goto(`${s.baseUrl}${query ? `?${query}` : ''}`);
  await taskNav(s.page).waitFor();
  await s.page.waitForFunction(() => document.querySelector('.map-wrap')?.getAttribute('data-map-state') === 'error');
  const alert = s.page.getByRole('alert').filter({ hasText: CANNOT });
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/another browser|hardware acceleration/);
  // No map exists.
  expect(await s.page.locator('.maplibregl-map').count()).toBe(0);
  expect(tried, 'no WebGL was reported as the map failing').toEqual([]);
  expect(await s.page.evaluate(() => (window as unknown as { __map?: unknown }).__map === undefined), 'a map was made').toBe(true);
}

describe('without WebGL', () => {
  const suite = useBrowser({ args: ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis'] });

  describe.each(SIZES)('at %s size', (_size, viewport) => {
    it('resident: Near me, a postcode, the nearest GP practice with its distance', async () => {
      const s = await suite.session({ viewport });
      expect(await s.page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'))).toBe(false);
      await openWithoutMap(s);
      await expectClean(s.page);
      await chooseTask(s.page, 'Near me');
      const near = await nearPostcode(s.page, 'TS19 0AJ');
      const first = near.locator('.near-group[data-category="gp"] li').first();
      await first.waitFor();
      expect(await first.locator('.distance').innerText()).toMatch(/^\d+(\.\d)? k?m$/);
      await expectClean(s.page);
    });

    it('pilot team: Compare places, two neighbourhoods against England, no drawing on a missing map', async () => {
      const s = await suite.session({ viewport });
      await openWithoutMap(s);
      await chooseTask(s.page, 'Compare places');
      const nb = s.page.getByLabel('Neighbourhoods', { exact: true });
      for (const name of ['Stockton town centre', 'Portrack']) {
        await nb.selectOption({ label: name });
        await s.page.getByRole('button', { name: 'Add to comparison', exact: true }).click();
      }
      const region = s.page.getByRole('region', { name: 'Compare areas' });
      await region.locator('tr[data-indicator="qof_hyp"]').waitFor();
      expect(await region.locator('tr[data-indicator="qof_hyp"]').innerText()).toMatch(/(Lower than|Similar to|Higher than) England \(95%\)/);
      // Drawing needs the map: the buttons are off and say why.
      for (const name of ['Draw an area', 'Pick LSOAs on the map']) {
        const b = s.page.getByRole('button', { name, exact: true });
        expect(await b.isDisabled(), name).toBe(true);
        expect(await b.getAttribute('aria-describedby')).toBe('nb-no-map');
      }
      await expectClean(s.page);
    });
  });

  it('a browser with no WebGL2 at all is told at once, before the map\'s code would be needed', async () => {
    const s = await suite.session({ viewport: LAPTOP });
    await s.page.addInitScript(() => {
      delete (window as unknown as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext;
      // Counts every attempt at a WebGL2 context (MapLibre's, when it tries to make the map).
      const w = window as unknown as { __webgl2Asked: number };
      w.__webgl2Asked = 0;
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, id: string, ...rest: unknown[]) {
        if (id === 'webgl2') w.__webgl2Asked++;
        return (get as (...a: unknown[]) => RenderingContext | null).call(this, id, ...rest);
      } as typeof get;
    });
    const warned: string[] = [];
    s.page.on('console', (m) => /WebGL2 is not available/.test(m.text()) && warned.push(m.text()));
    await openWithoutMap(s);
    expect(warned.length, 'said that WebGL2 is not there').toBeGreaterThan(0);
    // Told at once: no map was tried, so nothing ever asked for a WebGL2 context.
    expect(await s.page.evaluate(() => (window as unknown as { __webgl2Asked: number }).__webgl2Asked)).toBe(0);
    await expectClean(s.page);
  });

  it('planner: a site by postcode is appraised and its printed summary says the map is not available', async () => {
    const s = await suite.session({ viewport: LAPTOP });
    await s.page.addInitScript(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => void (window as unknown as { __printed: number }).__printed++;
    });
    await openWithoutMap(s);
    await chooseTask(s.page, 'Appraise a site');
    expect(await s.page.getByRole('button', { name: 'Drop a pin' }).isDisabled()).toBe(true);
    expect(await s.page.getByRole('button', { name: 'Draw site boundary' }).isDisabled()).toBe(true);
    await s.page.getByLabel('Site postcode').fill('TS18 1LL');
    await s.page.getByRole('button', { name: 'Appraise postcode' }).click();
    const r = s.page.getByRole('region', { name: 'Site appraisal' });
    await r.waitFor({ timeout: 60_000 });
    expect(await r.innerText()).toContain('Within 400 m');
    await r.getByRole('button', { name: 'Download summary' }).click();
    await s.page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.getByText(/^Map not available/).isVisible()).toBe(true);
    expect(await s.page.locator('img.site-map-image').count()).toBe(0);
    await s.page.emulateMedia({ media: 'screen' });
    await expectClean(s.page);
  });
});

describe('a WebGL context lost at run time', () => {
  const suite = useBrowser();

  it('survives a Geography change while lost, says so, and draws the map again once restored', async () => {
    const s = await suite.session({ viewport: LAPTOP });
    await openApp(s);
    // Lose the map's context as a driver reset does; keep the extension to bring it back.
    await s.page.evaluate(() => {
      const gl = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getContext('webgl2')!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __ext: WEBGL_lose_context }).__ext = ext;
      ext.loseContext();
    });
    await s.page.getByRole('status').filter({ hasText: LOST }).waitFor();
    expect(await s.page.locator('.map-wrap').getAttribute('data-map-state')).not.toBe('idle');
    // Changing what is mapped while the context is lost must not throw (it used to blank the page).
    await s.page.getByLabel('Geography', { exact: true }).selectOption('lsoa');
    await s.page.waitForFunction(() => new URLSearchParams(location.search).get('geo') === 'lsoa');
    expect(await taskNav(s.page).isVisible()).toBe(true);
    expect(s.errors).toEqual([]);
    await s.page.evaluate(() => (window as unknown as { __ext: WEBGL_lose_context }).__ext.restoreContext());
    // Either the map comes back showing the LSOAs, or the map area says it cannot show the map.
    await s.page.waitForFunction(
      (cannot) => {
        const state = document.querySelector('.map-wrap')?.getAttribute('data-map-state');
        const rendered = document.querySelector('[data-testid="map"]')?.getAttribute('data-rendered') ?? '';
        return (state === 'idle' && rendered.startsWith('lsoa|')) || (state === 'error' && document.querySelector('[role="alert"]')?.textContent?.includes(cannot));
      },
      CANNOT,
      { timeout: 30_000 },
    );
    if ((await s.page.locator('.map-wrap').getAttribute('data-map-state')) === 'idle') {
      await waitForMapIdle(s.page);
      expect(await s.page.getByText(LOST).count()).toBe(0);
      expect(await s.page.locator('.maplibregl-map').count()).toBe(1);
    }
    expect(await taskNav(s.page).isVisible()).toBe(true);
  });

  it('gives up after a few seconds if the context never comes back, and everything else still works', async () => {
    const s = await suite.session({ viewport: LAPTOP });
    await openApp(s);
    await s.page.evaluate(() => document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext());
    await s.page.getByRole('status').filter({ hasText: LOST }).waitFor();
    await s.page.getByRole('alert').filter({ hasText: CANNOT }).waitFor({ timeout: 15_000 });
    expect(await s.page.locator('.map-wrap').getAttribute('data-map-state')).toBe('error');
    await chooseTask(s.page, 'Near me');
    const near = await nearPostcode(s.page, 'TS19 0AJ');
    await near.locator('.near-group[data-category="gp"] li').first().waitFor();
  });
});
