/**
 * Plain words for the machine strings the data build records: every comparator statistic and every
 * method, caveat, period, source and geography note in the real built bundle (public/data/indicators.json)
 * reads without identifiers or formulas, and keeps its figures.
 */
import { describe, expect, it } from 'vitest';
import { capitalise, methodWords, statisticWords } from '../../../src/lib/indicators/words';
import { loadBundle } from '../../fixtures/bundle';

const bundle = loadBundle();

/** Machine marks no person should read. */
const LEAKS = [/_/, /sum\(/i, /=/, /\s\/\s/, /\w\/\w/, /\bepraccur\b/, /\bedispensary\b/, /\b(HYP|CHD|OB|DM|DEP) register\b/, /PROVENANCE\.md/, /\bexp\(/];
const expectPlain = (text: string) => {
  for (const leak of LEAKS) expect(text, `${leak} in: ${text}`).not.toMatch(leak);
};
/** Every figure in the source text is still in the words (thousands separators aside). */
const numbers = (s: string) => (s.replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? []).sort();

describe('statisticWords', () => {
  it.each([
    ['population_weighted_mean (weights: Census 2021 usual residents)', {}, 'average of its small areas, weighted by Census 2021 usual residents'],
    ['median_of_lsoas', {}, 'median of all LSOAs (small areas) in England'],
    ['sum over LSOAs (crude, not age-standardised)', {}, 'counts added up over its small areas (LSOAs), not adjusted for age'],
    [
      'England: crude recorded prevalence = sum(register)/sum(list size) over 6378 practices; condition: hypertension',
      {},
      'patients on the hypertension register as a share of all registered patients, across 6,378 practices in England (crude recorded prevalence)',
    ],
    [
      'Stockton-on-Tees GP practices: crude recorded prevalence = sum(register)/sum(list size) over 21 practices; condition: obesity (18+, BMI>=30 recorded in last 12 months) (patients registered, not residents)',
      {},
      'patients on the obesity register (BMI of 30 or more recorded in the last 12 months) as a share of registered patients aged 18 and over, across 21 Stockton-on-Tees GP practices (crude recorded prevalence; counts patients registered at these practices, not residents)',
    ],
    [
      'England: crude recorded prevalence = sum(register)/sum(list size) over 6188 practices; condition: diabetes mellitus (17+)',
      {},
      'patients on the diabetes register as a share of registered patients aged 17 and over, across 6,188 practices in England (crude recorded prevalence)',
    ],
    [
      'derived: residents of LSOAs in these national deciles / all residents, all England LSOAs',
      {},
      'residents of small areas (LSOAs) in these national deciles as a share of all residents, worked out over every small area in England',
    ],
    [
      'derived: same rule over the borough’s LSOAs',
      {},
      'residents of small areas (LSOAs) in these national deciles as a share of all residents, worked out the same way over the borough’s small areas',
    ],
    [
      'population-weighted mean of LSOA values (England comparator is the median LSOA; borough median 0.562)',
      { decimals: 2 },
      'average of its small areas (LSOAs), weighted by population; England’s figure is the median small area, and the borough’s median small area is 0.56',
    ],
    ['population-weighted mean of the borough’s LSOAs (derived)', {}, 'average of the borough’s small areas (LSOAs), weighted by population (worked out here)'],
    // Strings the build might write one day: the generic words.
    ['median_of_msoas', {}, 'median of msoas'],
    ['derived: sum(numerator)/sum(denominator) over 1234 areas', {}, 'worked out here: total numerator as a share of total denominator over 1,234 areas'],
    ['count_where value >= 30', {}, 'count where value of 30 or more'],
    ['England: rate = deaths / population', {}, 'England: rate: deaths out of population'],
  ])('%s', (statistic, opts, words) => {
    expect(statisticWords(statistic, opts)).toBe(words);
    expectPlain(statisticWords(statistic, opts));
  });

  it('gives plain words for every comparator statistic in the built data', () => {
    const all = new Set(bundle.indicators.flatMap((i) => [i.england?.statistic, i.borough?.statistic]).filter((s): s is string => !!s));
    expect(all.size).toBeGreaterThan(5);
    for (const s of all) {
      const w = statisticWords(s);
      expect(w.length).toBeGreaterThan(10);
      expect(w).not.toMatch(/_/);
      expect(w).not.toMatch(/sum\(/i);
      expect(w).not.toMatch(/=/);
      expectPlain(w);
      // Every figure survives (the practice counts only gain thousands separators).
      expect(numbers(w)).toEqual(numbers(s));
    }
  });
});

describe('methodWords', () => {
  it.each([
    ['Recorded prevalence: patients on the HYP register as a share of the practice list all ages.', 'Recorded prevalence: patients on the hypertension register as a share of all patients on the practice list.'],
    ['Lack of attainment and skills. Higher = more deprived.', 'Lack of attainment and skills. Higher means more deprived.'],
    ['Each LSOA’s decile (1 = most deprived 10%), as published.', 'Each LSOA’s decile (1 means the most deprived 10%), as published.'],
    ['Active GP practices (NHS ODS epraccur, main sites only)', 'Active GP practices (NHS ODS list of GP practices, main sites only)'],
    ['Asset lists as dated in data/assets/PROVENANCE.md; ONS 2021 centroids', 'Asset lists as dated in their sources (see Sources); ONS 2021 centroids'],
    ['An LSOA’s estimate is its apportioned register ÷ its apportioned denominator.', 'An LSOA’s estimate is its apportioned register divided by its apportioned denominator.'],
    ['MHCLG English Indices of Deprivation 2025 (File 7 / File 8)', 'MHCLG English Indices of Deprivation 2025 (files 7 and 8)'],
    ['QOF 2024-25 (registers at 31 March, list sizes at 1 January)', 'Quality and Outcomes Framework (QOF) 2024-25 (registers at 31 March, list sizes at 1 January)'],
    ['MSOA: counts summed of the LSOAs that make up the MSOA (LSOAs nest exactly in MSOAs).', 'MSOA (group of small areas): worked out from the LSOAs that make it up, which fit exactly inside it: counts added up.'],
    ['NHS ODS epraccur (GP and GP practice related data), vintage ~Sep 2025', 'NHS ODS list of GP practices, as of about Sep 2025'],
    ['NHS ODS edispensary (dispensaries/pharmacies), vintage ~Apr 2025', 'NHS ODS list of pharmacies, as of about Apr 2025'],
    ['OGL v3.0', 'Open Government Licence v3.0'],
    ['Plain text stays as it is.', 'Plain text stays as it is.'],
  ])('%s', (text, words) => {
    expect(methodWords(text)).toBe(words);
  });

  it('rewords every method, caveat, period, source and geography note in the built data and keeps its figures', () => {
    const texts = new Set(bundle.indicators.flatMap((i) => [i.method, i.caveats, i.period, i.source, ...Object.values(i.geographyMethod)]).filter((s): s is string => !!s));
    for (const t of texts) {
      const w = methodWords(t);
      expectPlain(w);
      expect(numbers(w)).toEqual(numbers(t));
    }
  });

  it('empty in, empty out; capitalise starts a sentence', () => {
    expect(methodWords(undefined)).toBe('');
    expect(statisticWords('  ')).toBe('');
    expect(capitalise('average of its small areas')).toBe('Average of its small areas');
  });
});
