import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultCompareThemes, themesWithMeasures } from '../../../src/lib/places/focus';
import type { IndicatorBundle, IndicatorRecord } from '../../../src/lib/core/types';

const ind = (id: string, theme: string, extra: Partial<IndicatorRecord> = {}) => ({ id, theme, label: id, kind: 'score', ...extra }) as IndicatorRecord;

// Synthetic indicators: two themes, one measure with an earlier period in its own theme.
const SYNTHETIC = {
  themes: ['Deprivation', 'Conditions', 'Conditions, earlier', 'Census'],
  indicators: [
    ind('dep', 'Deprivation'),
    ind('dep_decile', 'Deprivation', { kind: 'decile' }),
    ind('hyp', 'Conditions', { qof: { condition: 'hyp', year: '2024-25' }, previousId: 'hyp_old' }),
    ind('hyp_old', 'Conditions, earlier', { qof: { condition: 'hyp', year: '2022-23' } }),
    ind('people', 'Census'),
  ],
};

describe('comparison focus (synthetic indicators)', () => {
  it('lists one row per measure, dropping themes that only hold earlier periods', () => {
    expect(themesWithMeasures(SYNTHETIC).map((t) => [t.theme, t.indicators.map((i) => i.id)])).toEqual([
      ['Deprivation', ['dep', 'dep_decile']],
      ['Conditions', ['hyp']],
      ['Census', ['people']],
    ]);
  });
  it('focuses by default on conditions and deprivation, from the data', () => {
    expect(defaultCompareThemes(SYNTHETIC)).toEqual(['Deprivation', 'Conditions']);
  });
});

describe('comparison focus (built data)', () => {
  const bundle = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as IndicatorBundle;
  it('defaults to the deprivation theme and the latest GP-recorded conditions', () => {
    const themes = defaultCompareThemes(bundle);
    expect(themes).toHaveLength(2);
    expect(themes[0]).toBe('Deprivation');
    expect(themes[1]).toMatch(/^Health conditions \(GP records/);
    const shown = themesWithMeasures(bundle).filter((t) => themes.includes(t.theme)).flatMap((t) => t.indicators.map((i) => i.id));
    expect(shown).toEqual(expect.arrayContaining(['qof_hyp', 'qof_chd', 'qof_ob', 'imd_score']));
    expect(shown.some((id) => /_20\d\d_\d\d$/.test(id))).toBe(false);
  });
});
