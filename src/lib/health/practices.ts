import type { IndicatorRecord, PracticeRecord } from '../core/types';
import { proportionValue, type PlaceValue } from '../indicators/value';

/** A practice's value for a QOF indicator (null for indicators that are not QOF). */
export function practiceValue(p: PracticeRecord, ind: IndicatorRecord): PlaceValue | null {
  if (!ind.qof) return null;
  const c = p.conditions[ind.qof.condition]?.[ind.qof.year];
  if (!c) return null;
  return proportionValue(ind, c.register, c.denominator, `Published register ÷ list size (${ind.qof.year}).`);
}

/** Primary care networks: code, name and member practices. */
export function pcns(practices: PracticeRecord[]): { code: string; name: string; practices: PracticeRecord[] }[] {
  const m = new Map<string, { code: string; name: string; practices: PracticeRecord[] }>();
  for (const p of practices) {
    const g = m.get(p.pcnCode) ?? { code: p.pcnCode, name: p.pcnName, practices: [] };
    g.practices.push(p);
    m.set(p.pcnCode, g);
  }
  return [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A group of practices pooled: registers and denominators summed, then an interval. */
export function pooledPractices(group: PracticeRecord[], ind: IndicatorRecord): PlaceValue | null {
  if (!ind.qof) return null;
  let n = 0;
  let d = 0;
  for (const p of group) {
    const c = p.conditions[ind.qof.condition]?.[ind.qof.year];
    if (!c) continue;
    n += c.register;
    d += c.denominator;
  }
  if (d === 0) return null;
  return proportionValue(ind, n, d, `Pooled from ${group.length} practices: registers and list sizes summed.`);
}

