import { describe, expect, it } from 'vitest';
import { validateShare, customAreas } from '../../../src/lib/share/validate';
import { DEFAULT_SHARE_STATE, SHARE_FIELDS, pickShare, parse, serialise, MAP_LAYER_IDS, type ShareState } from '../../../src/lib/share/url';
import { encodeLsoaSet } from '../../../src/lib/places/keys';
import { ASSET_CATEGORY_IDS } from '../../../src/lib/assets/categories';
import { loadBundle } from '../../fixtures/bundle';

const bundle = loadBundle();
const total = bundle.areas.lsoa.codes.length;
const ward = bundle.areas.ward.codes[0];
const lsoa = bundle.areas.lsoa.codes[0];
const practice = bundle.practices[0].code;
const preset = `preset:${bundle.presets[0].id}`;
const nb = (name: string, lsoas = [0, 1]) => `${encodeLsoaSet(lsoas, total)}.${name}`;
const state = (over: Partial<ShareState>): ShareState => ({ ...DEFAULT_SHARE_STATE, ...over });

describe('validateShare against the real data', () => {
  it('keeps a state that fits the data, with no warnings', () => {
    const s = state({ selected: ward, comparison: [`ward:${ward}`, preset, 'custom:n1'], custom: [nb('Mine')], practice, layers: ['qof', 'gp'] });
    expect(validateShare(s, bundle)).toEqual({ state: s, warnings: [] });
  });

  it('drops comparison themes the data does not have, with a warning', () => {
    const { state: out, warnings } = validateShare(state({ themes: [0, 99] }), bundle);
    expect(out.themes).toEqual([0]);
    expect(warnings.join(' ')).toContain('themes');
  });

  it('unchanged lists keep their identity (so nothing downstream redraws); changed ones are new', () => {
    const s = state({ comparison: [`ward:${ward}`, preset, 'custom:n1'], custom: [nb('Mine')] });
    const out = validateShare(s, bundle).state;
    expect(out.comparison).toBe(s.comparison);
    expect(out.custom).toBe(s.custom);
    const bad = state({ comparison: [preset, 'ward:E05999999'] });
    const fixed = validateShare(bad, bundle).state;
    expect(fixed.comparison).not.toBe(bad.comparison);
    expect(fixed.comparison).toEqual([preset]);
  });

  // change, field, what it becomes, a fragment of the warning
  it.each([
    [{ selected: lsoa }, 'selected', null, 'not a WARD'], // an LSOA code while showing wards
    [{ geography: 'lsoa', selected: ward }, 'selected', null, 'not a LSOA'],
    [{ indicator: 'no_such_indicator' }, 'indicator', bundle.indicators[0].id, 'not in this data'],
    [{ practice: 'Z99999' }, 'practice', null, 'GP practice "Z99999"'],
    [{ comparison: ['ward:E05999999', preset] }, 'comparison', [preset], '1 place(s)'],
    [{ comparison: ['custom:n1'], custom: [] }, 'comparison', [], '1 place(s)'],
    [{ custom: [nb('Good'), 'garbage'], comparison: ['custom:n1', preset] }, 'comparison', [preset], '1 neighbourhood(s)'],
  ] as [Partial<ShareState>, keyof ShareState, unknown, string][])('%j: %s becomes %j with a warning', (over, field, want, fragment) => {
    const { state: out, warnings } = validateShare(state(over), bundle);
    expect(out[field]).toEqual(want);
    expect(warnings.join(' ')).toContain(fragment);
  });

  it('drops malformed neighbourhoods and keeps good ones in order', () => {
    const { state: out } = validateShare(state({ custom: [nb('A'), '!!.y', nb('B', [3])] }), bundle);
    expect(out.custom).toEqual([nb('A'), nb('B', [3])]);
    expect(customAreas(out.custom, total).map((c) => [c.id, c.name])).toEqual([
      ['n1', 'A'],
      ['n2', 'B'],
    ]);
  });

  it('removes duplicate places and keeps at most six', () => {
    const keys = bundle.areas.ward.codes.slice(0, 8).map((c) => `ward:${c}`);
    expect(validateShare(state({ comparison: [keys[0], keys[0], ...keys] }), bundle).state.comparison).toEqual(keys.slice(0, 6));
  });

  it('without data, checks nothing and changes nothing', () => {
    const s = state({ selected: 'E05999999', practice: 'Z99999' });
    expect(validateShare(s, null)).toEqual({ state: s, warnings: [] });
  });

  it('never throws on hostile values', () => {
    const bad = '<img src=x onerror=alert(1)>';
    expect(() => validateShare(state({ indicator: bad, selected: bad, practice: bad, comparison: [bad], custom: [bad] }), bundle)).not.toThrow();
  });
});

describe('shareable fields and layer ids', () => {
  it('pickShare copies exactly the shareable fields', () => {
    const withExtra = { ...DEFAULT_SHARE_STATE, bundle: 1, messages: ['x'] } as unknown as ShareState;
    expect(Object.keys(pickShare(withExtra)).sort()).toEqual([...SHARE_FIELDS].sort());
    expect(Object.keys(DEFAULT_SHARE_STATE).sort()).toEqual([...SHARE_FIELDS].sort());
  });

  it('the QOF practice layer and the GP practice asset category are different layers', () => {
    expect(new Set(MAP_LAYER_IDS).size).toBe(MAP_LAYER_IDS.length);
    expect(MAP_LAYER_IDS).toContain('qof');
    expect(ASSET_CATEGORY_IDS).toContain('gp');
    const on = parse('layers=qof', new Set()).state;
    expect(on.layers).toEqual(['qof']);
    expect(parse('layers=gp', new Set()).state.layers).toEqual(['gp']);
  });

  it.each([
    ['layers=gp,closed', ['gp'], true, 0],
    ['layers=closed', [], true, 0],
    ['layers=pharmacy,bogus', ['pharmacy'], false, 1],
    ['layers=qof,qof,library', ['qof', 'library'], false, 0],
  ] as [string, string[], boolean, number][])('%s → layers %j, closed %s, %i warning(s)', (q, layers, closed, n) => {
    const { state: s, warnings } = parse(q, new Set());
    expect(s.layers).toEqual(layers);
    expect(s.showClosed).toBe(closed);
    expect(warnings).toHaveLength(n);
  });

  it('showing closed libraries round-trips through the link', () => {
    const s = state({ layers: ['library'], showClosed: true });
    expect(parse(serialise(s), new Set(['imd_score'])).state).toEqual(s);
  });
});
