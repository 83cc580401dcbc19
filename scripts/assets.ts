/**
 * Build module for community assets: reads the asset GeoJSONs named in data/place.json "assetFiles"
 * (see data/assets/PROVENANCE.md), checks them against the shared Asset schema, and works out
 * straight-line access (data/registry.ts ACCESS_MEASURES) from each LSOA's population-weighted centroid.
 * Throws on any mismatch (the data build reports it and stops).
 */
import { countByCategory, inUk, validateAsset, categoryDef, type Asset, type AssetAccess, type AssetCategory } from '../src/lib/assets/categories';
import { median } from 'simple-statistics';
import { haversineMetres } from '../src/lib/core/geo';
import { normalisePostcode } from '../src/lib/core/text';
import { ACCESS_MEASURES } from '../data/registry';
import { readFeatureCollection } from './build/io';
import type { PlaceFile } from './build/place';

export interface AssetsBuildContext {
  /** The data/ directory. */
  dataDir: string;
  /** data/place.json: asset file names and the study area. */
  place: Pick<PlaceFile, 'assetFiles' | 'assetBounds' | 'osmAssets'>;
  /** LSOA codes in the order the app uses. */
  lsoaCodes: string[];
  /** Population-weighted centroid [lon, lat] per LSOA, aligned with lsoaCodes. */
  lsoaPwc: [number, number][];
}

export interface AssetsBuildResult {
  assets: Asset[];
  access: AssetAccess[];
  summary: string[];
}


interface SourceFile {
  category: AssetCategory;
  /** The `category` property each feature must carry in the file. */
  fileCategory: string;
}

/** The asset lists, in the order they are read; each file's name is in place.json "assetFiles". */
export const ASSET_SOURCES: readonly SourceFile[] = [
  { category: 'gp', fileCategory: 'gp_surgery' },
  { category: 'pharmacy', fileCategory: 'pharmacy' },
  { category: 'library', fileCategory: 'library' },
  { category: 'food_bank', fileCategory: 'food_bank' },
  { category: 'nhs_other', fileCategory: 'health_service' },
];

/** "NHS ODS ... , vintage ~Sep 2025" -> "~Sep 2025"; food bank "record modified 2025-07-15" -> "2025-07-15". */
function vintageOf(props: Record<string, unknown>, rel: string): string {
  const v = typeof props.vintage === 'string' ? props.vintage : '';
  if (v) return v.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? v;
  const src = typeof props.source === 'string' ? props.source : '';
  const m = src.match(/vintage\s+(.+)$/i) ?? src.match(/\b((?:19|20)\d{2})\b/);
  if (m) return m[1].trim();
  throw new Error(`${rel}: ${String(props.id)} has no vintage in "vintage" or "source"`);
}

/** Read one asset GeoJSON into Assets, checking every feature. */
function readAssetFile({ dataDir, place, src }: Pick<AssetsBuildContext, 'dataDir' | 'place'> & { src: SourceFile }): Asset[] {
  const rel = place.assetFiles[src.category];
  const [minLon, minLat, maxLon, maxLat] = place.assetBounds;
  const fc = readFeatureCollection(dataDir, rel);
  if (!fc.features.length) throw new Error(`${rel}: no features`);
  return fc.features.map((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const where = `${rel} feature ${i} (${String(p.id ?? '?')})`;
    if (f.geometry?.type !== 'Point') throw new Error(`${where}: geometry is not a Point`);
    const [lon, lat] = f.geometry.coordinates;
    if (!(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat))
      throw new Error(`${where}: point ${lon},${lat} is outside the study area`);
    if (p.category !== src.fileCategory) throw new Error(`${where}: category "${String(p.category)}", expected "${src.fileCategory}"`);
    if (typeof p.in_borough !== 'boolean') throw new Error(`${where}: in_borough is not true/false`);
    let status: Asset['status'] = 'open';
    let verified: boolean | undefined;
    if (src.category === 'library') {
      if (p.status !== 'open' && p.status !== 'closed') throw new Error(`${where}: library status "${String(p.status)}" is not open/closed`);
      status = p.status;
    } else if (p.status !== undefined) {
      throw new Error(`${where}: unexpected status property`);
    }
    if (src.category === 'food_bank') {
      if (typeof p.verified !== 'boolean') throw new Error(`${where}: food bank has no verified flag`);
      verified = p.verified;
      status = p.verified ? 'open' : 'unverified';
    }
    const postcode = typeof p.postcode === 'string' ? p.postcode : '';
    if (postcode && normalisePostcode(postcode) !== postcode) throw new Error(`${where}: postcode "${postcode}" is not in "OUTCODE INCODE" form`);
    const res = validateAsset({
      id: p.id,
      name: p.name,
      category: src.category,
      subcategory: p.subcategory ?? '',
      address: p.address ?? '',
      postcode,
      lon,
      lat,
      source: p.source,
      licence: p.licence,
      lastUpdated: vintageOf(p, rel),
      status,
      inBorough: p.in_borough,
      ward: p.ward_name || undefined,
      wardCode: p.ward_code || undefined,
      phone: p.phone || undefined,
      organisation: src.category === 'food_bank' ? p.organisation || undefined : undefined,
      verified,
    });
    if ('error' in res) throw new Error(`${rel}: ${res.error}`);
    return res.asset;
  });
}

const UNNAMED: Partial<Record<AssetCategory, string>> = { osm_park: 'Unnamed park', osm_gym: 'Unnamed gym or fitness centre' };

/**
 * OpenStreetMap points (place.json "osmAssets"): no names, ids or tags beyond the category, so each becomes an
 * "Unnamed …" asset with an id from its category and order in the file; for counts and density only.
 */
function readOsmFile({ dataDir, place }: Pick<AssetsBuildContext, 'dataDir' | 'place'>): Asset[] {
  const osm = place.osmAssets;
  if (!osm) return [];
  const rel = osm.file;
  const [minLon, minLat, maxLon, maxLat] = place.assetBounds;
  const fc = readFeatureCollection(dataDir, rel);
  if (!fc.features.length) throw new Error(`${rel}: no features`);
  const seen: Partial<Record<AssetCategory, number>> = {};
  return fc.features.map((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const where = `${rel} feature ${i}`;
    if (f.geometry?.type !== 'Point') throw new Error(`${where}: geometry is not a Point`);
    const [lon, lat] = f.geometry.coordinates;
    if (!(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat)) throw new Error(`${where}: point ${lon},${lat} is outside the study area`);
    const category = osm.categories[String(p.category)];
    if (!category || !UNNAMED[category]) throw new Error(`${where}: category "${String(p.category)}" is not one of ${Object.keys(osm.categories).join(', ')}`);
    if (typeof p.in_borough !== 'boolean') throw new Error(`${where}: in_borough is not true/false`);
    const k = (seen[category] = (seen[category] ?? 0) + 1);
    const res = validateAsset({
      id: `${category}:${k}`,
      name: UNNAMED[category],
      category,
      subcategory: typeof p.osm_tag === 'string' ? p.osm_tag : '',
      address: '',
      postcode: '',
      lon,
      lat,
      source: `OpenStreetMap (${typeof p.osm_tag === 'string' ? p.osm_tag : 'tag not given'}; the point is the centre of the mapped area, not an entrance)`,
      licence: '© OpenStreetMap contributors, ODbL 1.0',
      lastUpdated: osm.vintage,
      status: 'open',
      inBorough: p.in_borough,
    });
    if ('error' in res) throw new Error(`${rel}: ${res.error}`);
    return res.asset;
  });
}

export function buildAssets(ctx: AssetsBuildContext): AssetsBuildResult {
  const { lsoaCodes, lsoaPwc } = ctx;
  if (lsoaCodes.length !== lsoaPwc.length) throw new Error(`assets: ${lsoaCodes.length} LSOA codes but ${lsoaPwc.length} centroids`);
  lsoaPwc.forEach(([lon, lat], i) => {
    if (!inUk(lon, lat)) throw new Error(`assets: LSOA ${lsoaCodes[i]} centroid ${lon},${lat} is not a UK [lon, lat]`);
  });

  const assets = [...ASSET_SOURCES.flatMap((src) => readAssetFile({ ...ctx, src })), ...readOsmFile(ctx)];
  const ids = new Set<string>();
  for (const a of assets) {
    if (ids.has(a.id)) throw new Error(`assets: duplicate id ${a.id}`);
    ids.add(a.id);
  }

  const summary: string[] = [];
  const all = countByCategory(assets);
  const inB = countByCategory(assets.filter((a) => a.inBorough));
  summary.push(
    `assets: ${assets.length} (${[...ASSET_SOURCES.map((s) => s.category), ...Object.values(ctx.place.osmAssets?.categories ?? {})].map((c) => `${c} ${all[c]}, ${inB[c]} in borough`).join('; ')})`,
  );
  const closed = assets.filter((a) => a.status === 'closed').length;
  const unverified = assets.filter((a) => a.status === 'unverified').length;
  summary.push(`assets: ${closed} closed (kept for history), ${unverified} unverified`);

  const access: AssetAccess[] = ACCESS_MEASURES.map((rule) => {
    const pts = assets.filter((a) => a.category === rule.category && rule.include(a));
    if (!pts.length) throw new Error(`assets: no ${rule.category} assets for the access measure`);
    const lsoaDistanceM: number[] = [];
    const lsoaCount1km: number[] = [];
    for (const c of lsoaPwc) {
      let best = Infinity;
      let n = 0;
      for (const a of pts) {
        const d = haversineMetres(c, [a.lon, a.lat]);
        if (d < best) best = d;
        if (d <= 1000) n++;
      }
      lsoaDistanceM.push(Math.round(best));
      lsoaCount1km.push(n);
    }
    const sorted = [...lsoaDistanceM].sort((a, b) => a - b);
    summary.push(
      `access ${rule.category}: ${pts.length} ${categoryDef(rule.category).label.toLowerCase()} used; LSOA distance min ${sorted[0]} m, median ${Math.round(median(sorted))} m, max ${sorted[sorted.length - 1]} m; ${lsoaCount1km.filter((n) => n === 0).length} LSOAs with none within 1 km`,
    );
    return { id: `access_${rule.category}`, label: rule.label, category: rule.category, lsoaDistanceM, lsoaCount1km, note: rule.note };
  });

  return { assets, access, summary };
}
