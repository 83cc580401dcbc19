import type { Polygon, MultiPolygon, Position } from 'geojson';
import { simplify, convex, multiPoint } from '@turf/turf';
import { parseSiteGeoJson, siteFromPoint, type SiteGeometry } from './geometry';
import { siteCoordinates } from '../share/url';

/**
 * A site in the URL: "pt:lon,lat" or "poly:lon,lat;lon,lat;…" with polygons separated by "|".
 *
 * Links must always reopen: the site parameter, as written in the query (URL-encoded), is kept within
 * MAX_SITE_PARAM_CHARS, so the whole link stays well inside what the app's own parser accepts
 * (20,000 characters for the site) and what common web servers accept (8 KB). A boundary too detailed
 * for that is simplified (Douglas–Peucker, tolerance in metres, increased until it fits); the exact
 * boundary stays in this page (decodeSite returns it for the link it wrote) and in the GeoJSON download.
 */
const r5 = (n: number) => Number(n.toFixed(5));

/** Most characters the "site" parameter may take in a query (URL-encoded). The rest of a link takes < 1,000. */
export const MAX_SITE_PARAM_CHARS = 6000;
/** Tolerances tried in turn (metres), until the boundary fits. */
export const SIMPLIFY_TOLERANCES_M = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;

export interface LinkSimplification {
  /** 'simplified': within toleranceM of the exact boundary; 'outline': only the outline (convex hull) fits. */
  kind: 'simplified' | 'outline';
  toleranceM: number;
}

/** Sites this page encoded with simplification: the link text → the exact site and how it was simplified. */
const exactSites = new Map<string, { site: SiteGeometry; how: LinkSimplification }>();
const MAX_REMEMBERED = 20;

/** Length of the "site" parameter as the query will hold it. */
export const siteParamLength = (raw: string): number => new URLSearchParams({ site: raw }).toString().length - 'site='.length;

function encodeRings(rings: Position[][]): string {
  return `poly:${rings.map((ring) => ring.map(([x, y]) => `${r5(x)},${r5(y)}`).join(';')).join('|')}`;
}

/** Outer rings of a (multi)polygon: holes are rare for sites and would double the link length. */
function outerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
}

/**
 * Simplify rings in a local plane in metres (x east, y north) so the tolerance is in metres in every
 * direction, then back to longitude/latitude.
 */
function simplifyRings(rings: Position[][], toleranceM: number): Position[][] {
  const lat0 = rings[0]?.[0]?.[1] ?? 0;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  const out: Position[][] = [];
  for (const ring of rings) {
    const local = ring.map(([x, y]) => [x * kx, y * ky]);
    let simple: Position[] = local;
    try {
      const s = simplify({ type: 'Polygon', coordinates: [local] }, { tolerance: toleranceM, highQuality: false, mutate: false }) as Polygon;
      simple = s.coordinates[0] ?? local;
    } catch {
      /* keep the ring as it was */
    }
    out.push(simple.map(([x, y]) => [x / kx, y / ky]));
  }
  return out;
}

function remember(raw: string, site: SiteGeometry, how: LinkSimplification) {
  exactSites.delete(raw);
  exactSites.set(raw, { site, how });
  while (exactSites.size > MAX_REMEMBERED) exactSites.delete(exactSites.keys().next().value as string);
}

export function encodeSite(site: SiteGeometry, maxChars: number = MAX_SITE_PARAM_CHARS): string {
  const g = site.geometry;
  if (g.type === 'Point') return `pt:${r5(g.coordinates[0])},${r5(g.coordinates[1])}`;
  const rings = outerRings(g as Polygon | MultiPolygon);
  const full = encodeRings(rings);
  if (siteParamLength(full) <= maxChars) return full;
  // Each ring keeps at least 4 corners (about 22 characters each, encoded): too many parts can only be outlined.
  const fewest = rings.length * 4 * 22;
  for (const tol of fewest <= maxChars ? SIMPLIFY_TOLERANCES_M : []) {
    const raw = encodeRings(simplifyRings(rings, tol));
    if (siteParamLength(raw) <= maxChars) {
      remember(raw, site, { kind: 'simplified', toleranceM: tol });
      return raw;
    }
  }
  // Too many parts even at the coarsest tolerance: the link holds the outline of the whole site.
  const hull = convex(multiPoint(rings.flat()));
  let outline: Position[][] = hull ? [hull.geometry.coordinates[0]] : [rings[0]];
  for (const tol of [0, ...SIMPLIFY_TOLERANCES_M]) {
    const rs = tol ? simplifyRings(outline, tol) : outline;
    const raw = encodeRings(rs);
    if (siteParamLength(raw) <= maxChars || tol === SIMPLIFY_TOLERANCES_M[SIMPLIFY_TOLERANCES_M.length - 1]) {
      remember(raw, site, { kind: 'outline', toleranceM: tol });
      return raw;
    }
    outline = rs;
  }
  return full; // not reached
}

/** How the link this page wrote for a site was simplified; null when the link holds the site exactly. */
export function linkSimplification(raw: string | null): LinkSimplification | null {
  return raw ? (exactSites.get(raw)?.how ?? null) : null;
}

/** The site a link holds; `exact` (default): for a simplified link this page wrote, the exact site behind it. */
export function decodeSite(raw: string, exact = true): SiteGeometry | null {
  // The exact site behind a simplified link this page wrote (the person who drew or loaded it sees it exactly).
  const known = exact ? exactSites.get(raw) : undefined;
  if (known) return known.site;
  try {
    if (raw.startsWith('pt:')) {
      const c = siteCoordinates(raw);
      if (!c || c.length !== 1) return null;
      return siteFromPoint(c[0]);
    }
    if (raw.startsWith('poly:')) {
      const polys = raw
        .slice(5)
        .split('|')
        .map((p) => [p.split(';').map((xy) => xy.split(',').map(Number))]);
      if (polys.some((p) => p[0].some((c) => c.length !== 2 || c.some((n) => !Number.isFinite(n))))) return null;
      const geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
      const res = parseSiteGeoJson(JSON.stringify(geometry));
      return 'site' in res ? res.site : null;
    }
  } catch {
    return null;
  }
  return null;
}
