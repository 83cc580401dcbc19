import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useBrowser, openApp, waitForMapIdle, axeViolations, expectNoHorizontalOverflow, nearPostcode, PHONE, builtData, type Session } from './harness';
import type { IndicatorBundle } from '../../src/lib/core/types';

/**
 * "Your data": a person's own files, read in the browser, checked, applied, kept until removed.
 * Files are made here from the real area codes with synthetic numbers (named "synthetic-…").
 */
let s: Session;
const suite = useBrowser();
const bundle = JSON.parse(builtData('indicators.json')) as IndicatorBundle;
const lsoa = bundle.areas.lsoa;

/** A synthetic LSOA file with counts: count = a made-up share of residents, varying by area. */
function syntheticLsoaCsv(): string {
  const rows = lsoa.codes.map((code, i) => {
    const pop = lsoa.residents[i];
    const count = Math.round(pop * (0.05 + (i % 10) / 100));
    return `${code},"${lsoa.names[i]}",${count},${pop}`;
  });
  return `lsoa21cd,lsoa_name,count,population\r\n${rows.join('\r\n')}\r\n`;
}

async function addFile(page: Page, name: string, text: string) {
  await page.getByLabel('Add your data').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}
const yourData = (page: Page) => page.getByRole('region', { name: 'Your data' });

describe('your own data', () => {
  it('an LSOA file with counts: checked, applied, mapped, profiled, compared, kept after reload, removed', async () => {
    s = await suite.session();
    await openApp(s);
    await addFile(s.page, 'synthetic-lsoa-counts.csv', syntheticLsoaCsv());
    const report = yourData(s.page).getByRole('region', { name: 'Check of your file' });
    await report.waitFor();
    expect(await report.innerText()).toContain(`${lsoa.codes.length} of ${lsoa.codes.length} rows matched`);
    await s.page.getByLabel('Count column (optional)').selectOption('count');
    await s.page.getByLabel('Denominator column (optional)').selectOption('population');
    await s.page.getByLabel('Indicator name').fill('Synthetic measure');
    await s.page.getByLabel('England value (optional)').fill('10');
    expect(await axeViolations(s.page)).toEqual([]);
    await yourData(s.page).getByRole('button', { name: 'Apply' }).click();
    await s.page.waitForFunction(() => /ind=user_/.test(location.search));
    await waitForMapIdle(s.page);
    const id = new URL(s.page.url()).searchParams.get('ind')!;
    // In the Indicator list, under "Your data".
    expect(await s.page.locator('#indicator optgroup[label="Your data"] option').allInnerTexts()).toEqual(['Synthetic measure']);
    expect(await s.page.getByRole('region', { name: 'Legend' }).innerText()).toContain('synthetic-lsoa-counts.csv');
    // The map draws it at LSOA level (its own geography) too.
    await s.page.getByLabel('Geography').selectOption('lsoa');
    await waitForMapIdle(s.page);
    // An area's profile: the value worked out here from the file's counts, compared with England in words.
    const k = 3;
    const pop = lsoa.residents[k];
    const expected = ((Math.round(pop * (0.05 + (k % 10) / 100)) / pop) * 100).toFixed(1);
    await s.page.goto(`${s.baseUrl}?geo=lsoa&ind=${id}&area=${lsoa.codes[k]}`);
    await waitForMapIdle(s.page);
    const row = s.page.getByRole('region', { name: 'Area profile' }).locator(`tr[data-indicator="${id}"]`);
    const text = await row.innerText();
    expect(text).toContain(`${expected}%`);
    expect(text).toMatch(/(Lower than|Similar to|Higher than) England \(95%\)/);
    expect(text).toContain('your data: synthetic-lsoa-counts.csv');
    // In the comparison, once its theme is shown.
    await s.page.getByRole('navigation', { name: 'Tasks' }).getByRole('link', { name: 'Compare places' }).click();
    await s.page.getByLabel('Neighbourhoods', { exact: true }).selectOption({ label: 'Portrack' });
    await s.page.getByRole('button', { name: 'Add to comparison', exact: true }).click();
    const cmp = s.page.getByRole('region', { name: 'Compare areas' });
    await cmp.locator('details.compare-themes > summary').click();
    await cmp.getByRole('checkbox', { name: /^Your data/ }).check();
    expect(await cmp.locator(`tr[data-indicator="${id}"]`).innerText()).toMatch(/\d+\.\d%/);
    // Kept in this browser: still there after a reload.
    await s.page.goto(`${s.baseUrl}?ind=${id}`);
    await waitForMapIdle(s.page);
    expect(await s.page.locator('#indicator optgroup[label="Your data"] option').count()).toBe(1);
    // Removed: gone from the list and the map shows the default indicator.
    await yourData(s.page).getByRole('button', { name: 'Remove your data' }).click();
    await s.page.waitForFunction(() => !/ind=user_/.test(location.search));
    expect(await s.page.locator('#indicator optgroup[label="Your data"]').count()).toBe(0);
    await s.page.reload();
    await waitForMapIdle(s.page);
    expect(await s.page.locator('#indicator optgroup[label="Your data"]').count()).toBe(0);
  });

  it('a malformed file gets a clear message and changes nothing; hostile text stays text', async () => {
    s = await suite.session();
    await openApp(s);
    const before = await s.page.locator('#indicator option').count();
    await addFile(s.page, 'synthetic-bad-one-column.csv', 'just one column\nno delimiter here\n');
    const alert = yourData(s.page).getByRole('alert');
    await alert.filter({ hasText: /synthetic-bad-one-column\.csv/ }).waitFor();
    expect(await s.page.locator('#indicator option').count()).toBe(before);
    // Unknown codes: reported with their row numbers, and Apply stays off when nothing matches.
    await addFile(s.page, 'synthetic-bad-codes.csv', 'code,value\nE01999999,1\nE01888888,2\n');
    const report = yourData(s.page).getByRole('region', { name: 'Check of your file' });
    await report.waitFor();
    expect(await yourData(s.page).getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await yourData(s.page).getByRole('button', { name: 'Cancel' }).click();
    expect(await report.count()).toBe(0);
    // Names from a file are shown as text, never run as markup.
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const csv = `lsoa21cd,value\n${lsoa.codes.map((c, i) => `${c},${i}`).join('\n')}\n`;
    await addFile(s.page, 'synthetic-hostile.csv', csv);
    await s.page.getByLabel('Indicator name').fill(hostile);
    await s.page.getByLabel('Unit').fill(hostile);
    await yourData(s.page).getByRole('button', { name: 'Apply' }).click();
    await waitForMapIdle(s.page);
    expect(await s.page.getByRole('region', { name: 'Legend' }).innerText()).toContain(hostile);
    expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The app still works: another indicator draws.
    await s.page.getByLabel('Indicator', { exact: true }).selectOption({ label: 'Hypertension' });
    await waitForMapIdle(s.page);
    await yourData(s.page).getByRole('button', { name: 'Remove your data' }).click();
  });

  it('an MSOA file opens at MSOA level, is not shown as a percentage by default, and can be removed on its own', async () => {
    s = await suite.session();
    await openApp(s);
    await addFile(s.page, 'synthetic-msoa-values.csv', readFileSync('tests/fixtures/userdata/synthetic-msoa-values.csv', 'utf8'));
    await yourData(s.page).getByRole('region', { name: 'Check of your file' }).waitFor();
    expect(await s.page.getByLabel('Unit').inputValue()).toBe('');
    await s.page.getByLabel('Unit').fill('score');
    await yourData(s.page).getByRole('button', { name: 'Apply' }).click();
    await s.page.waitForFunction(() => /geo=msoa/.test(location.search) && /ind=user_/.test(location.search));
    await waitForMapIdle(s.page);
    expect(await s.page.getByRole('region', { name: 'Legend' }).innerText()).not.toContain('not available for this geography');
    await yourData(s.page).getByRole('button', { name: /^Remove synthetic msoa values$/i }).click();
    await s.page.waitForFunction(() => !/ind=user_/.test(location.search));
    expect(await yourData(s.page).getByRole('button', { name: 'Remove your data' }).count()).toBe(0);
  });

  it('the NHS patients-by-LSOA file replaces the modelled conditions, and says so', async () => {
    s = await suite.session();
    await openApp(s, 'geo=ward&ind=qof_hyp');
    const legend = s.page.getByRole('region', { name: 'Legend' });
    expect(await legend.innerText()).toContain('Modelled estimate');
    const file = readFileSync('tests/fixtures/userdata/synthetic-patients-by-lsoa.csv', 'utf8');
    await addFile(s.page, 'synthetic-patients-by-lsoa.csv', file);
    await yourData(s.page).getByRole('region', { name: 'Check of your file' }).waitFor();
    await yourData(s.page).getByRole('button', { name: 'Apply' }).click();
    await legend.locator('.your-data-note', { hasText: 'From registered patients by LSOA' }).waitFor();
    expect(await legend.innerText()).not.toContain('Modelled estimate');
    await waitForMapIdle(s.page);
    await yourData(s.page).getByRole('button', { name: 'Remove your data' }).click();
    await legend.locator('.modelled', { hasText: 'Modelled estimate' }).waitFor();
  });

  it('on a phone: a point file of postcodes is counted in Near me', async () => {
    s = await suite.session({ viewport: PHONE });
    await openApp(s);
    const postcodes = ['TS19 0AJ', 'TS18 2BP', 'TS18 1LL'];
    await addFile(s.page, 'synthetic-points-postcodes.csv', `name,postcode\n${postcodes.map((p, i) => `Synthetic place ${i + 1},${p}`).join('\n')}\n`);
    await yourData(s.page).getByRole('button', { name: 'Apply' }).click();
    await yourData(s.page).getByText('Your points').first().waitFor();
    await s.page.getByRole('navigation', { name: 'Tasks' }).getByRole('link', { name: 'Near me' }).click();
    const near = await nearPostcode(s.page, 'TS19 0AJ');
    const row = near.locator('tr', { hasText: 'Your points' });
    // One of the three is at the searched postcode itself: within 400 m.
    expect(Number((await row.locator('td').first().innerText()).trim())).toBeGreaterThanOrEqual(1);
    expect(await near.innerText()).toContain('Synthetic place 1');
    await expectNoHorizontalOverflow(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
    await s.page.getByRole('region', { name: 'Your data' }).getByRole('button', { name: 'Remove your data' }).click();
  });
});
