import { csvDocument, roundTo } from '../core/csvWrite';
import { GEOGRAPHY_LABEL, type GeographyId, type IndicatorBundle, type IndicatorRecord } from '../core/types';
import { parsePlaceKey, type CustomArea } from './keys';
import { areaValue, boroughValue, englandValue, poolLsoas, type PlaceValue } from '../indicators/value';
import { CATEGORY_STYLE, categoryWords } from '../indicators/benchmark';
import { pcns, pooledPractices } from '../health/practices';

/** A place resolved against the data: how to get its value for any indicator. */
export interface ResolvedPlace {
  key: string;
  name: string;
  kindLabel: string;
  detail: string;
  /** Standard area. */
  area?: { geography: GeographyId; index: number };
  /** Neighbourhood made of whole LSOAs. */
  lsoas?: number[];
  /** Values supplied directly (e.g. GP practice groups), by indicator id; others are not available. */
  direct?: (ind: IndicatorRecord) => PlaceValue | null;
}


export function resolvePlace(bundle: IndicatorBundle, key: string, customs: CustomArea[]): ResolvedPlace | null {
  const ref = parsePlaceKey(key);
  if (!ref) return null;
  const pop = bundle.areas.lsoa.residents;
  const residents = (idx: number[]) => idx.reduce((s, i) => s + pop[i], 0).toLocaleString('en-GB');
  switch (ref.kind) {
    case 'ward':
    case 'lsoa':
    case 'msoa': {
      const a = bundle.areas[ref.kind];
      const index = a.codes.indexOf(ref.id);
      if (index < 0) return null;
      return {
        key,
        name: a.names[index],
        kindLabel: GEOGRAPHY_LABEL[ref.kind],
        detail: `${ref.id}${a.aliases[index] ? ` · ${a.aliases[index]}` : ''} · ${a.residents[index].toLocaleString('en-GB')} residents${ref.kind === 'ward' ? ' (estimated)' : ''}`,
        area: { geography: ref.kind, index },
      };
    }
    case 'preset': {
      const p = bundle.presets.find((x) => x.id === ref.id);
      if (!p) return null;
      const lsoas = p.lsoas.map((c) => bundle.areas.lsoa.codes.indexOf(c)).filter((i) => i >= 0);
      return { key, name: p.name, kindLabel: 'Neighbourhood (preset)', detail: `${lsoas.length} LSOAs · ${residents(lsoas)} residents. ${p.ruleText}`, lsoas };
    }
    case 'custom': {
      const c = customs.find((x) => x.id === ref.id);
      if (!c) return null;
      return { key, name: c.name, kindLabel: 'Neighbourhood (custom)', detail: `${c.lsoas.length} LSOAs · ${residents(c.lsoas)} residents`, lsoas: c.lsoas };
    }
    case 'pcn': {
      const g = pcns(bundle.practices).find((x) => x.code === ref.id);
      if (!g) return null;
      return {
        key,
        name: g.name,
        kindLabel: 'GP practice group (primary care network)',
        detail: `${g.practices.length} practices: ${g.practices.map((p) => p.name).join(', ')}. Only GP-recorded (QOF) indicators exist for practice groups.`,
        direct: (ind) => pooledPractices(g.practices, ind),
      };
    }
    default:
      return null;
  }
}

export function placeValue(bundle: IndicatorBundle, ind: IndicatorRecord, place: ResolvedPlace): PlaceValue {
  if (place.direct) return place.direct(ind) ?? { value: null, category: 'NotCompared', method: 'Not available for this kind of place.' };
  if (place.area) return areaValue(ind, place.area.geography, place.area.index);
  if (place.lsoas) return poolLsoas(bundle, ind, place.lsoas);
  return { value: null, category: 'NotCompared', method: 'Not available.' };
}

export interface ComparisonRow {
  ind: IndicatorRecord;
  places: PlaceValue[];
  borough: PlaceValue;
  england: PlaceValue;
}

export function comparisonRows(bundle: IndicatorBundle, places: ResolvedPlace[], indicators: IndicatorRecord[] = bundle.indicators): ComparisonRow[] {
  return indicators.map((ind) => ({
    ind,
    places: places.map((p) => placeValue(bundle, ind, p)),
    borough: boroughValue(ind),
    england: englandValue(ind),
  }));
}

/** Category in words for a comparison cell (deciles for deprivation). */
export function comparisonWords(ind: IndicatorRecord, v: PlaceValue): string {
  if (ind.compare === 'decile') return v.decile != null ? `National decile ${v.decile}` : 'Not compared';
  if (ind.compare === 'interval') return v.category === 'NotCompared' ? categoryWords('NotCompared', undefined, v.notComparedWhy) : `${CATEGORY_STYLE[v.category].words} (95%)`;
  return 'Not compared';
}

/**
 * CSV of a comparison: a header block (lines starting "#") naming sources, periods, licences and
 * attribution, then one row per indicator with value, lower, upper and category per place.
 */
export function comparisonCsv(bundle: IndicatorBundle, places: ResolvedPlace[], rows: ComparisonRow[], generated: Date): string {
  const header = [
    `# Neighbourhood health explorer: comparison of places in ${bundle.place.name}`,
    `# Generated ${generated.toISOString().slice(0, 10)}; data built ${bundle.builtAt.slice(0, 10)}`,
    `# Places: ${places.map((p) => `${p.name} (${p.kindLabel})`).join('; ')}`,
    '# Comparison with England: 95% Wilson score interval against England’s value (OHID Fingertips method); deprivation as national deciles (1 = most deprived 10% of LSOAs in England).',
    '# Neighbourhood values are pooled from LSOA counts (proportions) or population-weighted (scores); ward values are estimated from LSOAs by area overlap.',
    ...[...new Set(rows.map((r) => `${r.ind.source} (${r.ind.period}; ${r.ind.licence})`))].map((s) => `# Source: ${s}`),
    ...bundle.place.attribution.map((a) => `# ${a.text}`),
  ];
  const cols = ['theme', 'indicator_id', 'indicator', 'unit', 'period'];
  const groups = [...places.map((p) => p.name), bundle.place.name, 'England'];
  groups.forEach((g, k) => {
    const isEngland = k === groups.length - 1;
    cols.push(`${g}: value`);
    if (!isEngland) cols.push(`${g}: lower 95% CI`, `${g}: upper 95% CI`, `${g}: compared with England`);
  });
  const data = rows.map((r) => {
    const d = r.ind.decimals + 2;
    const cells: (string | number | null)[] = [r.ind.theme, r.ind.id, r.ind.label, r.ind.unit, r.ind.period];
    for (const v of [...r.places, r.borough]) cells.push(roundTo(v.value, d), roundTo(v.lower, d), roundTo(v.upper, d), comparisonWords(r.ind, v));
    cells.push(roundTo(r.england.value, d));
    return cells;
  });
  // One writer for every line, header block included (names come from links, this browser and files).
  return csvDocument({ header, columns: cols, rows: data });
}
