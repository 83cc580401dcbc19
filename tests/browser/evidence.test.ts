import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useBrowser, openApp, chooseTask, axeViolations, expectNoHorizontalOverflow, PHONE, type Session } from './harness';
import type { IndicatorBundle } from '../../src/lib/core/types';

/**
 * Evidence the pilot team can defend: open the pilot neighbourhood as a person does (search), read the
 * practices serving it with their published values, the note on the Director of Public Health's figures,
 * and switch to the year the report looks like in one click. Laptop and phone.
 */
let s: Session;
const suite = useBrowser();
const bundle = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as IndicatorBundle;
const report = bundle.quoted![0];
const preset = bundle.presets.find((p) => p.id === report.presets[0])!;
const lsoas = preset.lsoas.map((c) => bundle.areas.lsoa.codes.indexOf(c));
const years = bundle.qof.years;
const latest = years[years.length - 1];
const earliest = years[0];

/** Worked out here from the data file, not with the app's code: the practice with most patients in the preset. */
function topPractice(year: string) {
  const byPractice = new Map<number, number>();
  for (const i of lsoas) for (const [j, n] of bundle.qof.flows![year][i]) byPractice.set(j, (byPractice.get(j) ?? 0) + n);
  const total = [...byPractice.values()].reduce((a, b) => a + b, 0);
  const [j, n] = [...byPractice].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { practice: bundle.practices[j], share: (n / total) * 100 };
}

/** A practice's published prevalence, to the indicator's decimals, as the page should show it. */
function published(code: string, condition: string, year: string) {
  const ind = bundle.indicators.find((i) => i.qof?.condition === condition && i.qof.year === year)!;
  const c = bundle.practices.find((p) => p.code === code)!.conditions[condition][year];
  return `${((c.register / c.denominator) * 100).toFixed(ind.decimals)}%`;
}

async function expectClean(page: Page) {
  await expectNoHorizontalOverflow(page);
  expect(await axeViolations(page)).toEqual([]);
}

describe.each([
  ['laptop', { width: 1366, height: 900 }],
  ['phone', PHONE],
] as const)('evidence at %s size', (_size, viewport) => {
  it('the pilot preset: practices serving it with published values, the report explained, 2022-23 in one click', async () => {
    s = await suite.session({ viewport });
    await openApp(s);
    // As a person: search the neighbourhood by name and pick it.
    const box = s.page.getByLabel('Search postcode, place or area');
    await box.fill(preset.name);
    await s.page.getByRole('option', { name: new RegExp(preset.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
    await s.page.waitForFunction(() => document.querySelector('#task-title')?.textContent === 'Compare places');

    const serving = s.page.getByRole('region', { name: 'Practices serving this area' });
    await serving.waitFor();
    expect(await s.page.getByRole('region', { name: 'Practices serving this area' }).count()).toBe(1);
    expect(await serving.innerText()).toContain(`${preset.name}, ${latest}`);
    expect(await serving.innerText()).toMatch(/modelled from where people live and practice list sizes/);

    // The first practice listed is the one with most of the area's patients, with its share and published values.
    const top = topPractice(latest);
    const first = serving.locator('tbody tr[data-practice]').first();
    expect(await first.getAttribute('data-practice')).toBe(top.practice.code);
    const text = await first.innerText();
    expect(text).toContain(top.practice.name);
    expect(text).toContain(`${top.share.toFixed(1)}%`);
    for (const condition of ['hyp', 'chd', 'ob']) expect(text).toContain(published(top.practice.code, condition, latest));
    expect(text).toMatch(/95% CI \d+\.\d–\d+\.\d/);
    expect(text).toMatch(/(Higher than|Similar to|Lower than) England \(95%\)/);
    // The wide table scrolls in its own box, which the keyboard can reach.
    expect(await serving.getByRole('region', { name: /^Table: practices serving/ }).getAttribute('tabindex')).toBe('0');

    // The report explained: quoted, labelled, with our figures and why they differ.
    const note = serving.locator('.report-note');
    const said = await note.innerText();
    expect(said).toContain(`quoted from ${report.shortName}`);
    for (const f of report.figures) expect(said).toContain(f.text);
    expect(said).toMatch(/Period\..*look like 2022-23 figures/s);
    expect(said).toMatch(/Basis\./);
    expect(said).toMatch(/Geography\..*4 whole Census 2021 small areas/s);
    await expectClean(s.page);

    // One click to the year the report looks like: the tables and the period change.
    await note.getByRole('button', { name: `Show ${earliest}` }).click();
    await note.getByText(`Showing ${earliest} in these tables`).waitFor();
    expect(await serving.innerText()).toContain(`${preset.name}, ${earliest}`);
    const old = topPractice(earliest);
    const firstOld = serving.locator('tbody tr[data-practice]').first();
    expect(await firstOld.getAttribute('data-practice')).toBe(old.practice.code);
    expect(await firstOld.innerText()).toContain(published(old.practice.code, 'hyp', earliest));
    await note.getByRole('button', { name: `Back to ${latest} (latest)` }).waitFor();
    // The map's period selector says so too.
    await chooseTask(s.page, 'Explore areas');
    const period = s.page.getByLabel('Period', { exact: true });
    expect(await period.locator('option:checked').innerText()).toBe(earliest);
    await expectClean(s.page);

    // A practice name opens its published profile.
    await chooseTask(s.page, 'Compare places');
    await s.page.getByRole('region', { name: 'Practices serving this area' }).getByRole('button', { name: old.practice.name }).click();
    const profile = s.page.getByRole('region', { name: 'Practice profile' });
    await profile.waitFor();
    expect(await profile.innerText()).toContain(old.practice.name);
    // Many steps on a shared 2-core machine: more time than the default 90 s.
  }, 180_000);
});

describe('evidence in an area profile', () => {
  it('the MSOA that equals the pilot preset gets the practices and the same note', async () => {
    const msoa = bundle.areas.msoa;
    const m = msoa.codes.findIndex((_, k) => {
      const mine = bundle.lsoaLinks.msoa.flatMap((x, i) => (x === k ? [i] : []));
      return mine.length === lsoas.length && mine.every((i) => lsoas.includes(i));
    });
    expect(m).toBeGreaterThanOrEqual(0);
    s = await suite.session();
    await openApp(s, `geo=msoa&area=${msoa.codes[m]}`);
    const profile = s.page.getByRole('region', { name: 'Area profile' });
    const serving = profile.getByRole('region', { name: 'Practices serving this area' });
    await serving.waitFor();
    expect(await serving.innerText()).toContain(`${msoa.names[m]}, ${latest}`);
    expect(await serving.locator('tbody tr[data-practice]').first().getAttribute('data-practice')).toBe(topPractice(latest).practice.code);
    expect(await serving.locator('.report-note').innerText()).toContain(`quoted from ${report.shortName}`);
    // An ordinary LSOA has the practices but no report note.
    await s.page.goto(`${s.baseUrl}?geo=lsoa&area=${bundle.areas.lsoa.codes[0]}`);
    const other = s.page.getByRole('region', { name: 'Practices serving this area' });
    await other.locator('tbody tr[data-practice]').first().waitFor();
    expect(await other.locator('.report-note').count()).toBe(0);
    expect(await axeViolations(s.page)).toEqual([]);
  }, 180_000);
});
