import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { IndicatorBundle } from '../../src/lib/core/types';
import { useBrowser, openApp, waitForMapIdle, type Session } from './harness';

/**
 * Choosing an indicator should update only what shows it (the legend, the settings, the map's colours),
 * not the rest of the panel. Components count their renders in `window.__NHE_RENDERS` when a test
 * defines it (src/ui/renderCount.ts); these tests compare the counts before and after a change.
 */
const suite = useBrowser();
type Counts = Record<string, number>;

async function countingSession(): Promise<Session> {
  const s = await suite.session();
  await s.context.addInitScript(() => {
    (window as unknown as { __NHE_RENDERS: Record<string, number> }).__NHE_RENDERS = {};
  });
  return s;
}
const counts = (s: Session) => s.page.evaluate(() => ({ ...(window as unknown as { __NHE_RENDERS: Record<string, number> }).__NHE_RENDERS }));
const grew = (before: Counts, after: Counts, name: string) => (after[name] ?? 0) - (before[name] ?? 0);

async function chooseIndicator(s: Session, label: string) {
  const before = await s.page.getByRole('region', { name: 'Legend' }).innerText();
  await s.page.getByLabel('Indicator').selectOption({ label });
  await waitForMapIdle(s.page);
  // The legend shows the new indicator: the change was made and drawn.
  const after = await s.page.getByRole('region', { name: 'Legend' }).innerText();
  expect(after).not.toBe(before);
  expect(after).toContain(label);
}

describe('what an indicator change re-renders', () => {
  it('updates the legend and settings, not the search box, area profile, practice list or map', async () => {
    const s = await countingSession();
    await openApp(s, 'geo=lsoa');
    const before = await counts(s);
    // Each of these has rendered, so a count that does not grow is a real "not re-rendered".
    for (const name of ['Legend', 'Controls', 'SearchBox', 'AreaProfile', 'Practices', 'MapView']) expect(before[name], name).toBeGreaterThan(0);
    await chooseIndicator(s, 'Income deprivation');
    const after = await counts(s);
    expect(grew(before, after, 'Legend')).toBeGreaterThan(0);
    expect(grew(before, after, 'Controls')).toBeGreaterThan(0);
    for (const name of ['SearchBox', 'AreaProfile', 'Practices', 'MapView']) expect(grew(before, after, name), name).toBe(0);
  });

  it('with an area chosen, the profile follows the indicator without re-rendering its head or the search box', async () => {
    const s = await countingSession();
    const bundle = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as IndicatorBundle;
    await openApp(s, `geo=lsoa&area=${bundle.areas.lsoa.codes[0]}`);
    const profile = s.page.getByRole('region', { name: 'Area profile' });
    await profile.getByRole('button', { name: 'Add to comparison' }).waitFor();
    const before = await counts(s);
    await chooseIndicator(s, 'Income deprivation');
    const after = await counts(s);
    expect(grew(before, after, 'ProfileTables')).toBeGreaterThan(0);
    for (const name of ['SearchBox', 'AreaProfile', 'MapView']) expect(grew(before, after, name), name).toBe(0);
    // The section holding the map's indicator is the one open.
    const open = profile.locator('details[open] tr[data-indicator]');
    expect(await open.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')))).toContain(await s.page.getByLabel('Indicator').inputValue());
  });
});
