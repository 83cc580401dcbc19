import { describe, expect, it } from 'vitest';
import { PRACTICE_GLYPH, practiceSymbolSize } from '../../../src/ui/icons';
import { CATEGORY_STYLE } from '../../../src/lib/indicators/benchmark';

describe('practiceSymbolSize: area proportional to list size', () => {
  it.each([
    [0, 10_000, 14],
    [10_000, 10_000, 32],
    [2_500, 10_000, 23], // sqrt(1/4) = 0.5 → 14 + 9
    [5_000, 10_000, Math.round(14 + 18 * Math.sqrt(0.5))],
    [20_000, 10_000, 32], // above the largest list: clamped
    [-5, 10_000, 14],
    [100, 0, 32], // no list sizes known: the largest symbol, never NaN
  ])('list %d of max %d → %d px', (list, max, px) => expect(practiceSymbolSize(list, max)).toBe(px));
});

describe('PRACTICE_GLYPH', () => {
  it('gives every comparison category its own glyph', () => {
    const cats = Object.keys(CATEGORY_STYLE);
    expect(Object.keys(PRACTICE_GLYPH).sort()).toEqual(cats.sort());
    expect(new Set(Object.values(PRACTICE_GLYPH)).size).toBe(cats.length);
  });
});
