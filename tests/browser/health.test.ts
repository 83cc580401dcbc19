import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser, openApp, waitForMapIdle, axeViolations, builtData, type Session } from './harness';
import { wilsonInterval } from '../../src/lib/indicators/intervals';

let s: Session;
const bundle = JSON.parse(builtData('indicators.json'));
// The published practice table, read independently of the app's build.
const qofRows = readFileSync('data/indicators/qof_prevalence_practice_stockton_2024_25.csv', 'utf8').trim().split('\n');
const qofHeader = qofRows[0].split(',');

const suite = useBrowser();

describe('health conditions compared with England', () => {
  it('choosing Hypertension shows the practices with a legend in words', async () => {
    s = await suite.session();
    await openApp(s);
    await s.page.getByLabel('Indicator').selectOption({ label: 'Hypertension' });
    await waitForMapIdle(s.page);
    await s.page.getByLabel('GP practices (QOF)').check();
    await s.page.locator('.practice-symbol[data-practice]').first().waitFor();
    // 21 practices in the QOF file; 20 have a postcode and so a place on the map.
    expect(qofRows.length - 1).toBe(21);
    expect(await s.page.locator('.practice-symbol[data-practice]').count()).toBe(20);
    await s.page.getByText('List of 21 practices').click();
    expect(await s.page.locator('.practice-list li').count()).toBe(21);
    const legend = await s.page.getByRole('region', { name: 'Legend' }).innerText();
    for (const words of ['Lower than England', 'Similar to England', 'Higher than England', 'Not compared']) expect(legend).toContain(words);
    // Every symbol is labelled in words, not only colour.
    const label = await s.page.locator('.practice-symbol[data-practice]').first().getAttribute('aria-label');
    expect(label).toMatch(/(Lower than|Similar to|Higher than) England for Hypertension|Not compared for Hypertension/);
  });

  it('opening a practice shows its count, denominator, prevalence, interval and England value', async () => {
    const row = qofRows.find((l) => l.startsWith('A81001,'))!.split(',');
    const reg = Number(row[qofHeader.indexOf('hyp_register')]);
    const den = Number(row[qofHeader.indexOf('hyp_denominator')]);
    const ci = wilsonInterval(reg, den)!;
    s = await suite.session();
    await openApp(s, 'ind=qof_hyp&layers=qof');
    await s.page.locator('.practice-symbol[data-practice="A81001"]').click();
    const prof = s.page.getByRole('region', { name: 'Practice profile' });
    await prof.waitFor();
    expect(await prof.innerText()).toContain('The Densham Surgery');
    const hyp = await prof.locator('tr[data-indicator="qof_hyp"]').innerText();
    expect(hyp).toContain(reg.toLocaleString('en-GB'));
    expect(hyp).toContain(den.toLocaleString('en-GB'));
    expect(hyp).toContain(`${((reg / den) * 100).toFixed(1)}%`);
    expect(hyp).toContain(`${(ci.lower * 100).toFixed(1)}–${(ci.upper * 100).toFixed(1)}`);
    expect(hyp).toContain('15.2%'); // England 2024-25 (england.csv: 15.23%)
    expect(hyp).toMatch(/(Lower than|Similar to|Higher than) England \(95%\)/);
    // Both years, with the change described.
    expect(await prof.locator('tr[data-indicator="qof_hyp_2022_23"]').count()).toBe(1);
    expect(await prof.innerText()).toMatch(/change (beyond|within) the 95% intervals/);
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('modelled small-area estimates are labelled as such in the legend and panel', async () => {
    s = await suite.session();
    await openApp(s, 'ind=qof_hyp');
    await s.page.getByLabel('Geography').selectOption('lsoa');
    await waitForMapIdle(s.page);
    expect(await s.page.getByRole('region', { name: 'Legend' }).innerText()).toMatch(/modelled estimate/i);
    await s.page.getByLabel('Search postcode, place or area').fill('Stockton-on-Tees 025C');
    await s.page.getByRole('option', { name: /025C/ }).first().click();
    const p = s.page.getByRole('region', { name: 'Area profile' });
    await p.locator('tr[data-indicator="qof_hyp"]').waitFor();
    const row = await p.locator('tr[data-indicator="qof_hyp"]').innerText();
    // The label itself, not words in the method note.
    expect(await p.locator('tr[data-indicator="qof_hyp"] .tag').innerText()).toBe('modelled estimate');
    expect(row).toMatch(/\d+\.\d%/);
    expect(row).toMatch(/(Lower than|Similar to|Higher than) England \(95%\)/);
    // The method is one click away.
    await p.locator('tr[data-indicator="qof_hyp"] summary').click();
    const about = await p.locator('tr[data-indicator="qof_hyp"] .about').innerText();
    expect(about).toContain('gravity model');
    // The model's fit, before and after, is in the panel as a table a person can read.
    const fit = p.locator('tr[data-indicator="qof_hyp"] table.model-fit');
    expect(await fit.getByRole('columnheader').allInnerTexts()).toEqual(['Measure', 'Before', 'After']);
    expect(await fit.getByRole('rowheader').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Share of .*025B.* Elm Tree Surgery$/)]));
    expect(about).toMatch(/Modelled estimate, so approximate: the interval adds the model's own error/);
    // The compare-with-England map for a modelled condition uses the category colours in words.
    await s.page.getByLabel('Map shows').selectOption('compare');
    await waitForMapIdle(s.page);
    expect(await s.page.getByRole('region', { name: 'Legend' }).innerText()).toContain('Higher than England (95%)');
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('a condition the model cannot predict better than no model is "Not compared (modelled)" for areas', async () => {
    s = await suite.session();
    await openApp(s, 'ind=qof_dep');
    await s.page.getByLabel('Geography').selectOption('lsoa');
    await waitForMapIdle(s.page);
    await s.page.getByLabel('Search postcode, place or area').fill('Stockton-on-Tees 025C');
    await s.page.getByRole('option', { name: /025C/ }).first().click();
    const p = s.page.getByRole('region', { name: 'Area profile' });
    await p.locator('tr[data-indicator="qof_dep"]').waitFor();
    expect(await p.locator('tr[data-indicator="qof_dep"]').innerText()).toContain('Not compared (modelled)');
    await s.page.getByLabel('Map shows').selectOption('compare');
    await waitForMapIdle(s.page);
    expect(await s.page.getByRole('region', { name: 'Legend' }).innerText()).toContain('Not compared (modelled)');
    expect(await axeViolations(s.page)).toEqual([]);
  });

  it('physical inactivity is shown for the borough against England, with its period', async () => {
    const fp = bundle.boroughIndicators.find((b: { id: string }) => b.id === 'physically_inactive');
    s = await suite.session();
    await openApp(s);
    const p = s.page.getByRole('region', { name: 'Area profile' });
    // Borough-only figures are in their own section, closed until the person opens it.
    const lifestyle = p.locator('summary', { hasText: 'Lifestyle and life expectancy' });
    expect(await p.locator('tr[data-indicator="physically_inactive"]').isVisible()).toBe(false);
    await lifestyle.click();
    await p.locator('tr[data-indicator="physically_inactive"]').waitFor({ state: 'visible' });
    const row = await p.locator('tr[data-indicator="physically_inactive"]').innerText();
    expect(row).toContain('Physically inactive adults');
    expect(row).toContain(`${fp.borough.toFixed(1)}%`);
    expect(row).toContain(`${fp.england.toFixed(1)}%`);
    expect(row).toContain(fp.period);
    // In an area's profile it is shown as the borough figure.
    await openApp(s, 'geo=ward&area=E05014882');
    await lifestyle.click();
    await p.locator('tr[data-indicator="physically_inactive"]').waitFor({ state: 'visible' });
    const areaRow = await p.locator('tr[data-indicator="physically_inactive"]').innerText();
    expect(areaRow).toContain('Borough figure only');
  });
});
