/**
 * Site appraisal for planners: what the bundled data says about the people and services inside each
 * catchment ring of a site (see geometry.ts and catchments.ts), and its exports (CSV, GeoJSON).
 * Pure functions (no React, no MapLibre).
 */
import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { csvDocument, roundTo } from '../core/csvWrite';
import type { IndicatorBundle } from '../core/types';
import type { ConfidenceLevel } from '../indicators/intervals';
import { weightedSum, type Part } from '../indicators/aggregate';
import type { PlaceValue } from '../indicators/value';
import { comparisonWords } from '../places/comparison';
import { formatDistance } from '../core/format';
import { categoryDef, type Asset, type AssetCategory } from '../assets/categories';
import { DEFAULT_RADII_M, haversineMetres } from '../core/geo';
import { rfcWinding, type SiteGeometry } from './geometry';
import { areaWeights, catchments, geometryBbox, poolWeighted, type AreaWeight, type Catchment } from './catchments';

// ---------------------------------------------------------------------------------------------
// Assets
// ---------------------------------------------------------------------------------------------

/** The fields of a community asset the appraisal uses (assets.ts's Asset has them). Closed assets are ignored. */
export type SiteAsset = Pick<Asset, 'name' | 'category' | 'lon' | 'lat'> & { status?: Asset['status'] };

/** Singular words for each category, for sentences ("No GP practice within 800 m"). */
export const ASSET_CATEGORY_SINGULAR: Record<AssetCategory, string> = {
  gp: 'GP practice',
  pharmacy: 'pharmacy',
  library: 'library',
  food_bank: 'food bank',
  nhs_other: 'other NHS service',
  osm_park: 'park mapped in OpenStreetMap',
  osm_gym: 'gym or fitness centre mapped in OpenStreetMap',
  hub: 'community hub',
  champion_org: 'community champion organisation',
  user: 'point from your file',
};
export const assetCategoryWords = (category: AssetCategory): string => ASSET_CATEGORY_SINGULAR[category] ?? categoryDef(category).label;

export interface NearestAsset {
  category: AssetCategory;
  label: string;
  name: string;
  lon: number;
  lat: number;
  /** Straight line from the site centroid, metres. */
  distanceM: number;
}

// ---------------------------------------------------------------------------------------------
// Appraisal
// ---------------------------------------------------------------------------------------------

export interface RingLsoa {
  index: number;
  code: string;
  name: string;
  share: number;
  clipped: boolean;
  /** Estimated residents inside the ring (residents × share, unrounded). */
  residents: number;
}

export interface RingAppraisal extends Catchment {
  areaHa: number;
  /** Estimated usual residents inside the ring (rounded). */
  residents: number;
  residentsNote: string;
  lsoas: RingLsoa[];
  /** Codes of LSOAs only partly inside the ring. */
  clipped: string[];
  /** Residents (estimated) living in LSOAs in England's most deprived 10% / 20%, and their share (%). */
  mostDeprived10: { residents: number; percent: number | null };
  mostDeprived20: { residents: number; percent: number | null };
  /** Estimated residents by national IMD decile, index 0 = decile 1 (most deprived); rounded. */
  imdDecileMix: number[] | null;
  /** Every indicator in the bundle, pooled for the ring. */
  values: Record<string, PlaceValue>;
  /** Asset count inside the ring, per category (only with assets). */
  assetCounts: Partial<Record<AssetCategory, number>>;
}

export interface SiteAppraisal {
  site: SiteGeometry;
  rings: RingAppraisal[];
  /** Nearest asset of each category to the site centroid (only with assets). */
  nearest: NearestAsset[];
  /** Plain-words gaps, e.g. "No GP practice within 800 m (nearest: …, 950 m)". */
  gaps: string[];
  cannotTell: readonly string[];
}

export const RESIDENTS_NOTE =
  'Estimate: each LSOA’s Census 2021 usual residents × the share of its area inside the ring (assumes residents are spread evenly across the LSOA).';

/** What the appraisal cannot say, shown with every appraisal. */
export const WHAT_THIS_CANNOT_TELL: readonly string[] = [
  'Air quality: no air-quality data is bundled.',
  'Green and open space: only how far homes are from the nearest park, public garden or playing field and how many lie within 1 km (ONS, April 2020, averaged over each LSOA’s addresses), private outdoor space by MSOA, and unnamed OpenStreetMap park points; not the size, quality or opening of the spaces.',
  'Transport: no public transport, road or travel-time data is bundled.',
  'Distances are straight lines, not walking or driving routes; rivers, railways and main roads can make real journeys much longer.',
  'Residents inside each ring are estimated by area: an LSOA partly inside counts in proportion to its area, as if its residents were spread evenly (they are not: parks, industry and water hold none).',
  'Values for a ring are built from whole-LSOA statistics; they describe the neighbourhoods around the site, not the people who would live or work on it.',
  'Community assets are only those loaded (NHS GP practices, pharmacies and other services, libraries, food banks, OpenStreetMap parks and gyms, and any uploaded hubs); schools, shops, sports clubs and others are not included, OpenStreetMap is volunteered and incomplete, and listings may be out of date.',
];

/** Shares of an LSOA → Part weights, translating FeatureCollection indices to bundle LSOA indices. */
function ringParts(weights: AreaWeight[], lsoaGeo: FeatureCollection, codeIndex: Map<string, number>): { part: Part; w: AreaWeight }[] {
  const out: { part: Part; w: AreaWeight }[] = [];
  for (const w of weights) {
    const props = lsoaGeo.features[w.lsoa]?.properties;
    const i = codeIndex.get(String(props?.code ?? ''));
    if (i !== undefined) out.push({ part: { lsoa: i, weight: w.share }, w });
  }
  return out.sort((a, b) => a.part.lsoa - b.part.lsoa);
}

function deprivedShare(bundle: IndicatorBundle, id: string, parts: Part[], mix: number[] | null, upToDecile: number): { residents: number; percent: number | null } {
  const d = bundle.indicators.find((x) => x.id === id)?.data.lsoa;
  if (d?.numerators && d.denominators) {
    const num = weightedSum(parts, d.numerators);
    const den = weightedSum(parts, d.denominators);
    if (num != null && den != null) return { residents: Math.round(num), percent: den > 0 ? (num / den) * 100 : null };
  }
  if (!mix) return { residents: 0, percent: null };
  const total = mix.reduce((s, x) => s + x, 0);
  const inDeciles = mix.slice(0, upToDecile).reduce((s, x) => s + x, 0);
  return { residents: Math.round(inDeciles), percent: total > 0 ? (inDeciles / total) * 100 : null };
}

/**
 * Appraise a site: for each catchment ring, estimated residents, the LSOAs touched (and which only
 * partly), deprivation (share in England's most deprived 10% and 20%, residents by IMD decile),
 * every indicator pooled with area weights, and asset counts; the nearest asset of each category
 * and the gaps. `lsoaGeo` is geo-lsoa.json (features matched to the bundle by properties.code).
 */
export function appraise(
  bundle: IndicatorBundle,
  lsoaGeo: FeatureCollection,
  site: SiteGeometry,
  radii: readonly number[] = DEFAULT_RADII_M,
  assets?: readonly SiteAsset[],
  level: ConfidenceLevel = 0.95,
): SiteAppraisal {
  const A = bundle.areas.lsoa;
  const codeIndex = new Map(A.codes.map((c, i) => [c, i]));
  const decileValues = bundle.indicators.find((x) => x.id === 'imd_decile')?.data.lsoa?.values;
  const usable = (assets ?? []).filter((a) => a.status !== 'closed' && Number.isFinite(a.lon) && Number.isFinite(a.lat));
  const categories = [...new Set(usable.map((a) => a.category))].sort((a, b) => assetCategoryWords(a).localeCompare(assetCategoryWords(b)));

  const rings: RingAppraisal[] = catchments(site, radii).map((c) => {
    const weighted = ringParts(areaWeights(c.geometry, lsoaGeo), lsoaGeo, codeIndex);
    const parts = weighted.map((x) => x.part);
    const lsoas: RingLsoa[] = weighted.map(({ part, w }) => ({
      index: part.lsoa,
      code: A.codes[part.lsoa],
      name: A.names[part.lsoa],
      share: w.share,
      clipped: w.clipped,
      residents: A.residents[part.lsoa] * w.share,
    }));
    let mix: number[] | null = null;
    if (decileValues) {
      mix = new Array(10).fill(0);
      for (const l of lsoas) {
        const d = decileValues[l.index];
        if (d != null && d >= 1 && d <= 10) mix[d - 1] += l.residents;
      }
    }
    const values: Record<string, PlaceValue> = {};
    for (const ind of bundle.indicators) values[ind.id] = poolWeighted(bundle, ind, parts, level);
    const assetCounts: Partial<Record<AssetCategory, number>> = {};
    if (assets) {
      for (const cat of categories) assetCounts[cat] = 0;
      const bb = geometryBbox(c.geometry);
      if (bb)
        for (const a of usable)
          if (a.lon >= bb[0] && a.lon <= bb[2] && a.lat >= bb[1] && a.lat <= bb[3] && booleanPointInPolygon([a.lon, a.lat], c.geometry)) assetCounts[a.category] = (assetCounts[a.category] ?? 0) + 1;
    }
    return {
      ...c,
      areaHa: geometryBbox(c.geometry) ? area(c.geometry) / 10_000 : 0,
      residents: Math.round(lsoas.reduce((s, l) => s + l.residents, 0)),
      residentsNote: RESIDENTS_NOTE,
      lsoas,
      clipped: lsoas.filter((l) => l.clipped).map((l) => l.code),
      mostDeprived10: deprivedShare(bundle, 'imd_most_deprived_10', parts, mix, 1),
      mostDeprived20: deprivedShare(bundle, 'imd_most_deprived_20', parts, mix, 2),
      imdDecileMix: mix && mix.map((x) => Math.round(x)),
      values,
      assetCounts,
    };
  });

  const nearest: NearestAsset[] = [];
  for (const cat of categories) {
    let best: NearestAsset | null = null;
    for (const a of usable) {
      if (a.category !== cat) continue;
      const distanceM = haversineMetres(site.centroid, [a.lon, a.lat]);
      if (!best || distanceM < best.distanceM) best = { category: cat, label: assetCategoryWords(cat), name: a.name, lon: a.lon, lat: a.lat, distanceM };
    }
    if (best) nearest.push(best);
  }

  const gaps: string[] = [];
  if (assets) {
    const byRadius = rings.filter((r) => r.radius > 0).sort((a, b) => b.radius - a.radius);
    for (const n of nearest) {
      const widest = byRadius.find((r) => r.assetCounts[n.category] === 0);
      if (widest) gaps.push(`No ${n.label} within ${widest.radius.toLocaleString('en-GB')} m (nearest: ${n.name}, ${formatDistance(n.distanceM)} in a straight line).`);
    }
  }
  return { site, rings, nearest, gaps, cannotTell: WHAT_THIS_CANNOT_TELL };
}


// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/**
 * The appraisal as a CSV, one row per ring and measure (long format, ready to pivot): people,
 * deprivation, every indicator (value, 95% interval, comparison with England, England's value),
 * asset counts; then the nearest assets and gaps. A "#" header names the site, sources and caveats.
 */
export function appraisalCsv(appraisal: SiteAppraisal, bundle: IndicatorBundle, generated: Date = new Date()): string {
  const { site } = appraisal;
  const siteWords =
    site.kind === 'point'
      ? `point at ${site.centroid[1].toFixed(6)}, ${site.centroid[0].toFixed(6)} (lat, lon)`
      : `polygon of ${roundTo(site.areaHa, 2)} ha, centroid ${site.centroid[1].toFixed(6)}, ${site.centroid[0].toFixed(6)} (lat, lon)`;
  const header = [
    `# Neighbourhood health explorer: site appraisal in ${bundle.place.name}`,
    `# Generated ${generated.toISOString().slice(0, 10)}; data built ${bundle.builtAt.slice(0, 10)}`,
    `# Site: ${siteWords}`,
    `# Rings: ${appraisal.rings.map((r) => r.label).join('; ')} (straight-line buffers of the whole site; each includes the smaller ones)`,
    `# ${RESIDENTS_NOTE}`,
    '# Comparison with England: 95% Wilson score interval on area-apportioned counts against England’s value; deprivation as national deciles (1 = most deprived 10% of LSOAs in England).',
    ...appraisal.cannotTell.map((t) => `# Cannot tell: ${t}`),
    ...[...new Set(bundle.indicators.map((i) => `${i.source} (${i.period}; ${i.licence})`))].map((s) => `# Source: ${s}`),
    ...bundle.place.attribution.map((a) => `# ${a.text}`),
  ];
  const fields = ['ring', 'radius_m', 'section', 'measure_id', 'measure', 'unit', 'value', 'lower_95ci', 'upper_95ci', 'compared_with_england', 'england_value', 'note'];
  type Row = (string | number | null | undefined)[];
  const rows: Row[] = [];
  for (const r of appraisal.rings) {
    const ring = (section: string, id: string, measure: string, unit: string, value: string | number | null, note = ''): Row => [r.label, r.radius, section, id, measure, unit, value, null, null, null, null, note];
    rows.push(ring('people', 'residents', 'Usual residents (estimate)', 'people', r.residents, RESIDENTS_NOTE));
    rows.push(ring('people', 'area_ha', 'Area of ring', 'hectares', roundTo(r.areaHa, 2)));
    rows.push(ring('people', 'lsoas', 'LSOAs touched', 'LSOAs', r.lsoas.length, r.lsoas.map((l) => `${l.code} (${roundTo(l.share * 100, 1)}% of its area)`).join('; ')));
    rows.push(ring('people', 'lsoas_clipped', 'LSOAs only partly inside', 'LSOAs', r.clipped.length, r.clipped.join('; ')));
    rows.push(ring('deprivation', 'most_deprived_10', 'Residents in England’s most deprived 10% of LSOAs', '%', roundTo(r.mostDeprived10.percent, 2), `${r.mostDeprived10.residents} residents (estimate)`));
    rows.push(ring('deprivation', 'most_deprived_20', 'Residents in England’s most deprived 20% of LSOAs', '%', roundTo(r.mostDeprived20.percent, 2), `${r.mostDeprived20.residents} residents (estimate)`));
    r.imdDecileMix?.forEach((n, k) => rows.push(ring('deprivation', `imd_decile_${k + 1}_residents`, `Residents in national IMD decile ${k + 1}`, 'people', n, 'Estimate')));
    for (const ind of bundle.indicators) {
      const v = r.values[ind.id];
      const d = ind.decimals + 2;
      rows.push([r.label, r.radius, 'indicator', ind.id, ind.label, ind.unit, roundTo(v.value, d), roundTo(v.lower, d), roundTo(v.upper, d), comparisonWords(ind, v), roundTo(ind.england?.value, d), v.method]);
    }
    for (const [cat, n] of Object.entries(r.assetCounts) as [AssetCategory, number][]) rows.push(ring('assets', `assets_${cat}`, `${categoryDef(cat).label} inside`, 'count', n));
  }
  for (const n of appraisal.nearest)
    rows.push(['Site centroid', null, 'nearest', `nearest_${n.category}`, `Nearest ${n.label}`, 'metres (straight line)', Math.round(n.distanceM), null, null, null, null, n.name]);
  for (const g of appraisal.gaps) rows.push(['', null, 'gap', '', g, '', null, null, null, null, null, '']);
  // One writer for every line, header block included (indicator names and notes may come from files).
  return csvDocument({ header, columns: fields, rows });
}

/**
 * The site and its rings as an RFC 7946 FeatureCollection (WGS84, anticlockwise exteriors):
 * the site feature has role "site", each ring role "catchment" with radius_m and label.
 * parseSiteGeoJson() reads the site back from it. Empty rings (0 m round a point) are left out.
 */
export function siteGeoJson(site: SiteGeometry, rings: readonly Catchment[]): FeatureCollection {
  const siteGeom: Geometry = site.geometry.type === 'Point' ? { type: 'Point', coordinates: [...site.geometry.coordinates] } : rfcWinding(site.geometry);
  const features: Feature[] = [
    { type: 'Feature', properties: { role: 'site', radius_m: null, label: 'Site', area_ha: site.areaHa != null ? roundTo(site.areaHa, 4) : null }, geometry: siteGeom },
  ];
  for (const r of rings) {
    if (r.geometry.coordinates.length === 0) continue;
    features.push({ type: 'Feature', properties: { role: 'catchment', radius_m: r.radius, label: r.label }, geometry: rfcWinding(r.geometry) });
  }
  return { type: 'FeatureCollection', features };
}
