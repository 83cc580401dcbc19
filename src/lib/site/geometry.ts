/**
 * A planning site's geometry: a point or a boundary, entered, drawn or read from GeoJSON in WGS84 or
 * British National Grid. Pure functions (no React, no MapLibre). Parsing never throws.
 */
import { area, kinks, rewind, union } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { detectCrs, forEachPosition, toWgs84 } from './crs';
import type { LonLat } from '../core/geo';
import { UPLOAD_LIMIT_BYTES, textTooLarge } from '../core/text';
import { inUk } from '../assets/categories';

// ---------------------------------------------------------------------------------------------
// Site geometry
// ---------------------------------------------------------------------------------------------

export interface SiteGeometry {
  kind: 'point' | 'polygon';
  /** WGS84, RFC 7946 winding (exterior rings anticlockwise). */
  geometry: Point | Polygon | MultiPolygon;
  /** Area-weighted centroid for a polygon; the point itself for a point. */
  centroid: LonLat;
  /** Hectares, polygons only. */
  areaHa?: number;
}

export type SiteParseResult = { site: SiteGeometry; notes: string[] } | { error: string };

/** Most polygons one upload may hold (they are unioned into one site). */
export const MAX_SITE_POLYGONS = 1000;
/** Above this many vertices the self-intersection check (quadratic) is skipped. */
const KINK_CHECK_MAX_VERTICES = 4000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Close a ring if its last position is not its first. */
function closeRing(ring: Position[]): Position[] {
  return ring.length > 0 && !samePos(ring[0], ring[ring.length - 1]) ? [...ring, ring[0]] : ring;
}

function distinctCorners(ring: Position[]): number {
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
}

/** Shoelace area and centroid of a ring in a local equirectangular plane (x = (lon − lon0)·cos φ0, y = lat − lat0). */
function ringMoments(ring: Position[], k: number, o: Position): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x0 = (ring[i][0] - o[0]) * k;
    const y0 = ring[i][1] - o[1];
    const x1 = (ring[i + 1][0] - o[0]) * k;
    const y1 = ring[i + 1][1] - o[1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  a /= 2;
  return a === 0 ? { a: 0, cx: 0, cy: 0 } : { a, cx: cx / (6 * a), cy: cy / (6 * a) };
}

/** Area-weighted centroid of a (multi)polygon: exterior rings add, holes subtract. */
export function polygonCentroid(g: Polygon | MultiPolygon): LonLat {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const first = polys[0]?.[0]?.[0];
  if (!first) return [NaN, NaN];
  const k = Math.cos((first[1] * Math.PI) / 180);
  let A = 0;
  let X = 0;
  let Y = 0;
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (const poly of polys)
    poly.forEach((ring, r) => {
      const m = ringMoments(ring, k, first);
      const w = r === 0 ? Math.abs(m.a) : -Math.abs(m.a);
      A += w;
      X += m.cx * w;
      Y += m.cy * w;
      for (const p of ring) {
        sx += p[0];
        sy += p[1];
        n++;
      }
    });
  if (!(A > 0)) return [sx / n, sy / n];
  return [first[0] + X / A / k, first[1] + Y / A];
}

/** RFC 7946 winding (exterior anticlockwise, holes clockwise), as a new geometry. */
export function rfcWinding<G extends Polygon | MultiPolygon>(g: G): G {
  return rewind(g, { reverse: false, mutate: false }) as G;
}

function polygonSite(geometry: Polygon | MultiPolygon): SiteGeometry {
  const g = rfcWinding(geometry);
  return { kind: 'polygon', geometry: g, centroid: polygonCentroid(g), areaHa: area(g) / 10_000 };
}

function checkFinitePosition(p: readonly number[], what: string): void {
  if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new RangeError(`${what}: coordinates must be finite numbers.`);
}

/** A point site (WGS84 [lon, lat]). Throws RangeError on non-finite coordinates. */
export function siteFromPoint([lon, lat]: readonly number[]): SiteGeometry {
  checkFinitePosition([lon, lat], 'siteFromPoint');
  return { kind: 'point', geometry: { type: 'Point', coordinates: [lon, lat] }, centroid: [lon, lat] };
}

/**
 * A polygon site from one ring of WGS84 [lon, lat] positions (e.g. drawn on the map); the ring is
 * closed if open. Throws RangeError with fewer than three distinct corners or non-finite positions.
 */
export function siteFromPolygon(ring: readonly (readonly number[])[]): SiteGeometry {
  const r = ring.map((p) => {
    checkFinitePosition(p, 'siteFromPolygon');
    return [p[0], p[1]];
  });
  if (distinctCorners(r) < 3) throw new RangeError('siteFromPolygon: a polygon needs at least three distinct corners.');
  return polygonSite({ type: 'Polygon', coordinates: [closeRing(r)] });
}

// --- Parsing uploads -------------------------------------------------------------------------

/** Echo a GeoJSON type name only if it looks like one (never echo file text into messages). */
const typeWords = (t: unknown) => (typeof t === 'string' && /^[A-Za-z]{1,30}$/.test(t) ? `"${t}"` : 'an unrecognised type');

class SiteError extends Error {}

export const SITE_TOO_LARGE_ADVICE = 'Simplify the boundary in your GIS, or export only the site.';

/**
 * Read an uploaded site boundary. Accepts a FeatureCollection, a Feature or a bare geometry, in
 * WGS84 longitude/latitude or British National Grid (EPSG:27700, detected and converted).
 * Polygons and MultiPolygons become one polygon site (several are unioned); with only points, the
 * first point is the site. A FeatureCollection written by siteGeoJson() is read back from its
 * feature with role "site". Feature properties are never read (only geometry), so names and
 * attributes in the file cannot reach the page. Never throws: problems come back as `error`.
 */
export function parseSiteGeoJson(text: string, maxBytes = UPLOAD_LIMIT_BYTES): SiteParseResult {
  try {
    return { ...parseOrThrow(text, maxBytes) };
  } catch (e) {
    if (e instanceof SiteError) return { error: e.message };
    return { error: 'The file could not be read as a site boundary. Export it from your GIS as GeoJSON (a polygon or a point) and try again.' };
  }
}

function parseOrThrow(text: string, maxBytes: number): { site: SiteGeometry; notes: string[] } {
  if (typeof text !== 'string') throw new SiteError('No file text was given.');
  const tooLarge = textTooLarge(text, SITE_TOO_LARGE_ADVICE, maxBytes);
  if (tooLarge) throw new SiteError(tooLarge);
  if (text.trim() === '') throw new SiteError('The file is empty.');
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new SiteError('The file is not valid JSON, so it cannot be GeoJSON. Export the site from your GIS as GeoJSON.');
  }
  if (!isObj(root) || typeof root.type !== 'string') throw new SiteError('The file is JSON but not GeoJSON: it has no "type" of Feature, FeatureCollection or geometry.');

  const notes: string[] = [];
  let hadProperties = false;
  const geoms: Obj[] = [];
  const addGeometry = (g: unknown) => {
    if (!isObj(g)) throw new SiteError('A feature’s geometry is not a GeoJSON geometry object.');
    if (g.type === 'GeometryCollection') {
      if (!Array.isArray(g.geometries)) throw new SiteError('A GeometryCollection has no "geometries" list.');
      for (const x of g.geometries) {
        if (isObj(x) && x.type === 'GeometryCollection') throw new SiteError('Nested GeometryCollections are not supported.');
        addGeometry(x);
      }
      return;
    }
    if (!['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(g.type as string))
      throw new SiteError(`A geometry has ${typeWords(g.type)}, which is not a GeoJSON geometry type.`);
    geoms.push(g);
  };
  const addFeature = (f: unknown) => {
    if (!isObj(f) || f.type !== 'Feature') throw new SiteError('The FeatureCollection holds something that is not a Feature.');
    if (isObj(f.properties) && Object.keys(f.properties).length > 0) hadProperties = true;
    if (f.geometry !== null && f.geometry !== undefined) addGeometry(f.geometry);
  };

  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) throw new SiteError('The FeatureCollection has no "features" list.');
    if (root.features.length === 0) throw new SiteError('The FeatureCollection is empty: it has no features.');
    const siteFeature = root.features.find((f) => isObj(f) && isObj(f.properties) && f.properties.role === 'site');
    if (siteFeature) {
      addFeature(siteFeature);
      if (root.features.length > 1) notes.push('Read the feature marked as the site; the catchment rings in the file were ignored (they are redrawn).');
    } else root.features.forEach(addFeature);
  } else if (root.type === 'Feature') addFeature(root);
  else addGeometry(root);
  if (geoms.length === 0) throw new SiteError('The file has no geometry: its features are all empty.');

  // Check every position before anything else looks at them.
  for (const g of geoms) {
    let bad: 'text' | 'nonfinite' | 'shape' | null = null;
    const ok = forEachPosition(g, (p) => {
      if (bad) return;
      if (!Array.isArray(p) || p.length < 2 || p.length > 4) bad = 'shape';
      else if (p.some((x) => typeof x !== 'number')) bad = p.some((x) => typeof x === 'string') ? 'text' : 'shape';
      else if (p.some((x) => !Number.isFinite(x))) bad = 'nonfinite';
    });
    if (!ok || bad === 'shape') throw new SiteError(`A ${typeWords(g.type)} geometry’s coordinates are not nested as GeoJSON requires.`);
    if (bad === 'text') throw new SiteError('Some coordinates are text (in quotes) rather than numbers.');
    if (bad === 'nonfinite') throw new SiteError('Some coordinates are not finite numbers (too large to be a real place).');
  }

  const polys = geoms.filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon');
  const points = geoms.filter((g) => g.type === 'Point' || g.type === 'MultiPoint');
  const lines = geoms.length - polys.length - points.length;
  let chosen: Obj[];
  if (polys.length > 0) {
    chosen = polys;
    const ignored = points.length + lines;
    if (ignored > 0) notes.push(`${ignored} point or line feature${ignored === 1 ? ' was' : 's were'} ignored; the site is the polygon${polys.length > 1 ? 's' : ''}.`);
  } else if (points.length > 0) {
    const first = points.find((g) => g.type === 'Point' || (g.coordinates as unknown[]).length > 0);
    if (!first) throw new SiteError('The file’s MultiPoint has no points.');
    const pos = first.type === 'Point' ? (first.coordinates as number[]) : (first.coordinates as number[][])[0];
    chosen = [{ type: 'Point', coordinates: pos }];
    const n = points.reduce((s, g) => s + (g.type === 'Point' ? 1 : (g.coordinates as unknown[]).length), 0);
    if (n > 1) notes.push(`The file has ${n} points; the first was used as the site.`);
    if (lines > 0) notes.push('Lines in the file were ignored.');
  } else {
    throw new SiteError('The file only has lines (LineString). A site must be a polygon (its boundary) or a point.');
  }
  if (polys.length > MAX_SITE_POLYGONS) throw new SiteError(`The file has ${polys.length} polygons; a site can have at most ${MAX_SITE_POLYGONS}.`);

  // Coordinate reference system.
  const probe: Obj = { type: 'GeometryCollection', geometries: chosen };
  if (isObj(root.crs)) probe.crs = root.crs;
  const crs = detectCrs(probe);
  if (crs === 'unknown')
    throw new SiteError(
      'The coordinates are neither longitude/latitude (WGS84, EPSG:4326) nor British National Grid (EPSG:27700) eastings and northings. Re-export the file in one of those.',
    );
  if (crs === 'EPSG:27700') {
    chosen = chosen.map((g) => toWgs84(g, 'EPSG:27700'));
    notes.push('Converted from British National Grid (EPSG:27700) to longitude/latitude.');
  }
  let outside = false;
  for (const g of chosen)
    forEachPosition(g, (p) => {
      const [lon, lat] = p as number[];
      if (!inUk(lon, lat)) outside = true;
    });
  if (outside)
    throw new SiteError(
      'Some coordinates are outside the UK. Check the file is in longitude/latitude (WGS84) or British National Grid, with longitude first.',
    );
  if (hadProperties) notes.push('Feature properties (names and attributes) in the file were ignored; only the geometry is used.');

  if (chosen[0].type === 'Point') {
    const [lon, lat] = chosen[0].coordinates as number[];
    return { site: siteFromPoint([lon, lat]), notes };
  }

  // Polygons: strip to 2D, close rings, check corners and self-intersection, then combine.
  const polygons: Position[][][] = [];
  for (const g of chosen) {
    const list = g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][]);
    for (const rings of list) {
      if (rings.length === 0) continue;
      const fixed = rings.map((ring) => {
        if (distinctCorners(ring) < 3) throw new SiteError('A polygon ring has fewer than three distinct corners.');
        return closeRing(ring.map((p) => [p[0], p[1]]));
      });
      polygons.push(fixed);
    }
  }
  if (polygons.length === 0) throw new SiteError('The file’s polygons have no rings.');
  for (const rings of polygons) {
    const vertices = rings.reduce((s, r) => s + r.length, 0);
    if (vertices <= KINK_CHECK_MAX_VERTICES && kinks({ type: 'Polygon', coordinates: rings }).features.length > 0)
      throw new SiteError('The site boundary crosses itself. Repair it in your GIS (for example QGIS “Fix geometries”) and try again.');
  }
  let geometry: Polygon | MultiPolygon;
  if (polygons.length === 1) geometry = { type: 'Polygon', coordinates: polygons[0] };
  else {
    let merged: Feature<Polygon | MultiPolygon> | null = null;
    try {
      merged = union({ type: 'FeatureCollection', features: polygons.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } })) });
    } catch {
      merged = null;
    }
    geometry = merged?.geometry ?? { type: 'MultiPolygon', coordinates: polygons };
    if (chosen.length > 1) notes.push(`${chosen.length} polygon features were combined into one site.`);
  }
  const site = polygonSite(geometry);
  if (!(site.areaHa! > 0)) throw new SiteError('The site polygon has no area.');
  return { site, notes };
}
