import type { IndicatorMeta } from './types';

const nf = new Map<number, Intl.NumberFormat>();
function fmt(decimals: number): Intl.NumberFormat {
  let f = nf.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    nf.set(decimals, f);
  }
  return f;
}

export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value == null || !Number.isFinite(value)) return 'No data';
  return fmt(decimals).format(value);
}

/** A value with its unit where the unit is a short symbol (%), else the bare number. */
export function formatValue(value: number | null | undefined, meta: Pick<IndicatorMeta, 'decimals' | 'unit'>): string {
  const s = formatNumber(value, meta.decimals);
  if (s === 'No data') return s;
  return meta.unit === '%' ? `${s}%` : s;
}

/** A straight-line distance as people read it: metres to the nearest 10 below 1 km, else km to one decimal. */
export function formatDistance(m: number): string {
  const tens = Math.round(m / 10) * 10;
  return tens < 1000 ? `${tens} m` : `${formatNumber(m / 1000, 1)} km`;
}

/** A catchment radius: "400 m", "1.2 km". */
export function formatRadius(r: number): string {
  return r >= 1000 ? `${r / 1000} km` : `${r} m`;
}
