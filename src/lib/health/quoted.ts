/**
 * Figures quoted from reports (bundle.quoted) set beside ours: which reports concern a place, and which of
 * our years a quoted England figure is nearest to. Pure: no React, no store.
 */
import type { IndicatorMeta, QuotedFigure, QuotedReport } from '../core/types';
import type { LsoaPart } from './serving';

/** Parts that cover an LSOA wholly (weights within rounding of 1), or null when any LSOA is only partly in. */
function wholeSet(parts: readonly LsoaPart[]): Set<number> | null {
  const out = new Set<number>();
  for (const [i, w] of parts) {
    if (w >= 0.999) out.add(i);
    else if (w > 0.001) return null;
  }
  return out;
}

/**
 * The reports whose area is this place: those naming a preset made of exactly the place's LSOAs (so an
 * area identical to a preset, e.g. the MSOA it equals, gets the same note).
 */
export function quotedFor(quoted: readonly QuotedReport[] | undefined, presets: readonly { id: string; lsoas: readonly number[] }[], parts: readonly LsoaPart[]): QuotedReport[] {
  const mine = wholeSet(parts);
  if (!quoted?.length || !mine || !mine.size) return [];
  const same = (lsoas: readonly number[]) => lsoas.length === mine.size && lsoas.every((i) => mine.has(i));
  return quoted.filter((q) => q.presets.some((id) => presets.some((p) => p.id === id && same(p.lsoas))));
}

export interface NearestYear {
  condition: string;
  /** Our QOF year whose England value is nearest the quoted England figure; null when we have none. */
  year: string | null;
  /** Our England value that year, and the gap (quoted − ours), in percentage points. */
  ours: number | null;
  gap: number | null;
}

/** For each quoted figure, the QOF year whose England value is nearest the report's England value. */
export function nearestYears(figures: readonly QuotedFigure[], indicators: readonly Pick<IndicatorMeta, 'qof' | 'england'>[]): NearestYear[] {
  return figures.map((f) => {
    let best: NearestYear = { condition: f.condition, year: null, ours: null, gap: null };
    for (const ind of indicators) {
      if (ind.qof?.condition !== f.condition || ind.england?.value == null) continue;
      const gap = f.england - ind.england.value;
      if (best.gap == null || Math.abs(gap) < Math.abs(best.gap)) best = { condition: f.condition, year: ind.qof.year, ours: ind.england.value, gap };
    }
    return best;
  });
}

/** The one year every figure is nearest to, or null when they point to different years (or none). */
export function commonYear(near: readonly NearestYear[]): string | null {
  const years = new Set(near.map((n) => n.year));
  const [only] = years;
  return years.size === 1 && only != null ? only : null;
}
