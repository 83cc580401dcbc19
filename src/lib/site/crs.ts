/**
 * Coordinate reference systems for uploaded site boundaries: British National Grid (EPSG:27700,
 * what most UK planning GIS exports) to WGS84 longitude/latitude (EPSG:4326, what GeoJSON and the
 * map use). Pure functions; no DOM.
 *
 * The conversion is proj4's transverse Mercator on the Airy 1830 ellipsoid with the standard
 * 7-parameter Helmert shift to WGS84 (the EPSG:27700 definition PROJ uses without the OSTN15 grid).
 * The Helmert shift is good to a few metres anywhere in Great Britain — ample for a site appraisal
 * measured in hundreds of metres.
 */
import proj4 from 'proj4';

export type CrsId = 'EPSG:4326' | 'EPSG:27700' | 'unknown';
import type { LonLat } from '../core/geo';

/** EPSG:27700 as PROJ defines it (Helmert towgs84 parameters from the EPSG dataset). */
export const BNG_PROJ4 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** Extent of British National Grid coordinates (the grid's false origin to its north-east corner). */
export const BNG_EXTENT = { eastingMax: 700_000, northingMax: 1_300_000 } as const;

let converter: proj4.Converter | null = null;
function bng(): proj4.Converter {
  if (!converter) converter = proj4(BNG_PROJ4, 'EPSG:4326');
  return converter;
}

/** British National Grid easting/northing (metres) to WGS84 [lon, lat]. */
export function bngToWgs84([e, n]: readonly number[]): LonLat {
  const [lon, lat] = bng().forward([e, n]);
  return [lon, lat];
}

/** WGS84 [lon, lat] to British National Grid [easting, northing] (metres). */
export function wgs84ToBng([lon, lat]: readonly number[]): [number, number] {
  const [e, n] = bng().inverse([lon, lat]);
  return [e, n];
}

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many array levels sit above a position in each geometry type's `coordinates`. */
const POSITION_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/**
 * Visit every position of a GeoJSON object (FeatureCollection, Feature, GeometryCollection or a
 * geometry). `fn` gets the raw position (not yet checked). Returns false if the structure is not
 * GeoJSON-shaped (wrong types or nesting); never throws and never recurses deeper than GeoJSON allows.
 */
export function forEachPosition(obj: Json, fn: (pos: Json) => void): boolean {
  const geometry = (g: Json, depth = 0): boolean => {
    if (!isObj(g) || typeof g.type !== 'string') return false;
    if (g.type === 'GeometryCollection') {
      if (!Array.isArray(g.geometries) || depth > 0) return false;
      return g.geometries.every((x) => geometry(x, depth + 1));
    }
    const levels = POSITION_DEPTH[g.type];
    if (levels === undefined) return false;
    const walk = (c: Json, level: number): boolean => {
      if (level === 0) {
        fn(c);
        return true;
      }
      return Array.isArray(c) && c.every((x) => walk(x, level - 1));
    };
    return walk(g.coordinates, levels);
  };
  if (!isObj(obj)) return false;
  if (obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features)) return false;
    return obj.features.every((f) => isObj(f) && f.type === 'Feature' && (f.geometry === null || geometry(f.geometry)));
  }
  if (obj.type === 'Feature') return obj.geometry === null || geometry(obj.geometry);
  return geometry(obj);
}

/** What a GeoJSON `crs` member (2008 spec; RFC 7946 dropped it) names, if anything. */
function crsMember(obj: Json): CrsId | null {
  if (!isObj(obj) || !isObj(obj.crs)) return null;
  const props = obj.crs.properties;
  if (!isObj(props)) return 'unknown';
  const name = typeof props.name === 'string' ? props.name : typeof props.code === 'number' || typeof props.code === 'string' ? String(props.code) : '';
  if (/27700|OSGB|British\s*National\s*Grid/i.test(name)) return 'EPSG:27700';
  if (/(^|\D)4326(\D|$)|CRS84|WGS\s*-?\s*84/i.test(name)) return 'EPSG:4326';
  return 'unknown';
}

/**
 * The CRS of a GeoJSON object: from its `crs` member when it names one, else from the coordinates —
 * longitude/latitude if every position is within ±180/±90, British National Grid if every position
 * is within eastings 0–700,000 and northings 0–1,300,000, otherwise (or with no usable positions)
 * 'unknown'.
 */
export function detectCrs(geojson: Json): CrsId {
  const named = crsMember(geojson);
  if (named) return named;
  let n = 0;
  let lonLat = true;
  let grid = true;
  const ok = forEachPosition(geojson, (p) => {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      lonLat = grid = false;
      return;
    }
    n++;
    const [x, y] = p as number[];
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) lonLat = false;
    if (!(x >= 0 && x <= BNG_EXTENT.eastingMax && y >= 0 && y <= BNG_EXTENT.northingMax)) grid = false;
  });
  if (!ok || n === 0) return 'unknown';
  if (lonLat) return 'EPSG:4326';
  if (grid) return 'EPSG:27700';
  return 'unknown';
}

/** A copy of a GeoJSON object with `fn` applied to every position, other members kept. */
function mapPositions<T>(obj: T, fn: (p: number[]) => number[]): T {
  const mapCoords = (c: unknown, level: number): unknown => (level === 0 ? fn(c as number[]) : (c as unknown[]).map((x) => mapCoords(x, level - 1)));
  const geometry = (g: Record<string, unknown>): Record<string, unknown> => {
    if (g.type === 'GeometryCollection') return { ...g, geometries: (g.geometries as Record<string, unknown>[]).map(geometry) };
    const { bbox: _bbox, ...rest } = g;
    return { ...rest, coordinates: mapCoords(g.coordinates, POSITION_DEPTH[g.type as string]) };
  };
  const feature = (f: Record<string, unknown>) => {
    const { bbox: _bbox, ...rest } = f;
    return { ...rest, geometry: f.geometry === null ? null : geometry(f.geometry as Record<string, unknown>) };
  };
  const o = obj as Record<string, unknown>;
  const { crs: _crs, bbox: _bbox, ...rest } = o;
  if (o.type === 'FeatureCollection') return { ...rest, features: (o.features as Record<string, unknown>[]).map(feature) } as T;
  if (o.type === 'Feature') return feature(rest) as T;
  return geometry(rest) as T;
}

/**
 * A copy of a GeoJSON object in WGS84 longitude/latitude. `from` defaults to detectCrs(geojson).
 * British National Grid positions are converted (a third ordinate, if any, is kept); lon/lat input is
 * copied unchanged. Any `crs` member and stale `bbox` members are dropped (RFC 7946 output).
 * Throws if the CRS is unknown or the object is not GeoJSON-shaped — check detectCrs first for a
 * message instead.
 */
export function toWgs84<T>(geojson: T, from: CrsId = detectCrs(geojson)): T {
  if (from === 'unknown') throw new Error('Cannot convert: the coordinate reference system is not recognised.');
  if (!forEachPosition(geojson, () => {})) throw new Error('Cannot convert: not a GeoJSON object.');
  if (from === 'EPSG:4326') return mapPositions(geojson, (p) => [...p]);
  return mapPositions(geojson, (p) => {
    const [lon, lat] = bngToWgs84(p);
    return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
  });
}
