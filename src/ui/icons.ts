/** Map and legend symbols: drawn from fixed, built-in styles only (no user text), so safe as markup. */
import { scaleSqrt } from 'd3-scale';
import { categoryDef, type AssetCategory, type AssetShape } from '../lib/assets/categories';
import type { Category } from '../lib/indicators/benchmark';

/** 16 × 16 viewBox paths, kept 0.8 px inside the edge so a 1.5 px outline is not clipped. */
export const SHAPE_PATHS: Readonly<Record<AssetShape, string>> = {
  circle: 'M8 1.5A6.5 6.5 0 1 0 8 14.5A6.5 6.5 0 1 0 8 1.5Z',
  square: 'M2 2H14V14H2Z',
  diamond: 'M8 0.8L15.2 8L8 15.2L0.8 8Z',
  triangle: 'M8 1.2L15 14.5H1Z',
  cross: 'M5.5 1.2H10.5V5.5H14.8V10.5H10.5V14.8H5.5V10.5H1.2V5.5H5.5Z',
  star: 'M8 1.2L9.76 6.17L15.04 6.31L10.85 9.53L12.35 14.59L8 11.6L3.65 14.59L5.15 9.53L0.96 6.31L6.24 6.17Z',
  hexagon: 'M14.24 11.6L8 15.2L1.76 11.6L1.76 4.4L8 0.8L14.24 4.4Z',
  pentagon: 'M8 1.4L14.85 6.38L12.23 14.42L3.77 14.42L1.15 6.38Z',
  octagon: 'M5.3 1H10.7L15 5.3V10.7L10.7 15H5.3L1 10.7V5.3Z',
  // A dumbbell: two weights joined by a bar.
  bar: 'M1 4H5V6.5H11V4H15V12H11V9.5H5V12H1Z',
};

/**
 * A self-contained SVG string for a category's icon. Only fixed, built-in values go into it, so it is safe
 * to use as a data URL (map images) or as markup in the legend.
 */
export function assetIconSvg(category: AssetCategory, size = 16): string {
  const d = categoryDef(category);
  const px = Math.max(8, Math.min(64, Math.round(size)));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 16 16" aria-hidden="true">` +
    `<path d="${SHAPE_PATHS[d.shape]}" fill="${d.colour}" stroke="${d.stroke}" stroke-width="1.5" stroke-linejoin="round"/></svg>`
  );
}

export function assetIconDataUrl(category: AssetCategory, size = 16): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(assetIconSvg(category, size))}`;
}

/** A practice's category as a glyph, so it is told apart without colour. */
export const PRACTICE_GLYPH: Readonly<Record<Category, string>> = {
  Better: '✓',
  Similar: '=',
  Worse: '!',
  Lower: '▼',
  Higher: '▲',
  NotCompared: '–',
};

/** Symbol diameter in pixels from list size: area proportional to list size, 14 px to 32 px. */
export function practiceSymbolSize(listSize: number, maxList: number): number {
  const size = scaleSqrt().domain([0, Math.max(1, maxList)]).range([14, 32]).clamp(true);
  return Math.round(size(Math.max(0, listSize)));
}
