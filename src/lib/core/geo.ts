/** Points and straight-line distances on the Earth. Pure. */

/** A position as [longitude, latitude] in WGS84 degrees (GeoJSON order). */
export type LonLat = [lon: number, lat: number];

/** Mean Earth radius (IUGG), metres. One degree of latitude is then ≈ 111.195 km. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two [lon, lat] points. */
export function haversineMetres(a: Readonly<LonLat>, b: Readonly<LonLat>): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Great-circle distance in kilometres. */
export function haversineKm(a: Readonly<LonLat>, b: Readonly<LonLat>): number {
  return haversineMetres(a, b) / 1000;
}

/** Straight-line distances people walk in about 5, 10 and 15 minutes: the default catchment rings everywhere. */
export const DEFAULT_RADII_M: readonly number[] = [400, 800, 1200];

/** "400, 800 1200" -> [400, 800, 1200]: one to five distances from 50 to 5,000 m, rounded, sorted, distinct; null otherwise. */
export function parseRadii(raw: string): number[] | null {
  const xs = raw
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (!xs.length || xs.length > 5 || xs.some((x) => !Number.isFinite(x) || x < 50 || x > 5000)) return null;
  return [...new Set(xs.map((x) => Math.round(x)))].sort((a, b) => a - b);
}
