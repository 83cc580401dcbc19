import type { Polygon, MultiPolygon } from 'geojson';
import { parseSiteGeoJson, siteFromPoint, type SiteGeometry } from './geometry';

/** A site in the URL: "pt:lon,lat" or "poly:lon,lat;lon,lat;…" with polygons separated by "|". */
const r5 = (n: number) => Number(n.toFixed(5));

export function encodeSite(site: SiteGeometry): string {
  const g = site.geometry;
  if (g.type === 'Point') return `pt:${r5(g.coordinates[0])},${r5(g.coordinates[1])}`;
  const polys = g.type === 'Polygon' ? [g.coordinates] : (g as MultiPolygon).coordinates;
  // Outer rings only; holes are rare for sites and would double the link length.
  return `poly:${polys.map((p) => p[0].map(([x, y]) => `${r5(x)},${r5(y)}`).join(';')).join('|')}`;
}

export function decodeSite(raw: string): SiteGeometry | null {
  try {
    if (raw.startsWith('pt:')) {
      const [x, y] = raw.slice(3).split(',').map(Number);
      return siteFromPoint([x, y]);
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

