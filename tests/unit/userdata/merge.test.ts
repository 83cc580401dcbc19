import { describe, expect, it } from 'vitest';
import { mergeUserData, USER_THEME } from '../../../src/lib/userdata/merge';
import type { IndicatorBundle, IndicatorRecord } from '../../../src/lib/core/types';

// Synthetic records: only the fields merging looks at.
const rec = (id: string, extra: Partial<IndicatorRecord> = {}) => ({ id, label: id, theme: 'T', data: {}, ...extra }) as IndicatorRecord;
const BASE = { themes: ['T'], indicators: [rec('a'), rec('qof_hyp', { modelled: true })] } as unknown as IndicatorBundle;

describe('mergeUserData (synthetic bundle)', () => {
  it('returns the built bundle itself when there is nothing of the person’s', () => {
    expect(mergeUserData(BASE, [])).toBe(BASE);
  });
  it('adds own indicators at the end under "Your data", leaving the built bundle unchanged', () => {
    const out = mergeUserData(BASE, [rec('user_1', { theme: USER_THEME })]);
    expect(out.indicators.map((i) => i.id)).toEqual(['a', 'qof_hyp', 'user_1']);
    expect(out.themes).toEqual(['T', USER_THEME]);
    expect(BASE.indicators).toHaveLength(2);
    expect(BASE.themes).toEqual(['T']);
  });
  it('replaces built indicators by id (exact apportionment), keeping their place in the list', () => {
    const out = mergeUserData(BASE, [], [rec('qof_hyp', { modelled: false })]);
    expect(out.indicators.map((i) => [i.id, i.modelled])).toEqual([
      ['a', undefined],
      ['qof_hyp', false],
    ]);
    expect(out.themes).toEqual(['T']);
  });
  it('never lets an own indicator shadow a built one', () => {
    const out = mergeUserData(BASE, [rec('a', { label: 'impostor' })]);
    expect(out.indicators.filter((i) => i.id === 'a').map((i) => i.label)).toEqual(['a']);
  });
});
