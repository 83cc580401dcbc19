/**
 * National deciles from England's LSOA distribution. IoD ranks 1 = most deprived (highest score);
 * decile d holds ranks ((d-1)·N/10, d·N/10]. An aggregated score gets the decile its score would
 * have among England's LSOAs.
 */
export function nationalDecile(score: number | null, englandScoresDesc: Float64Array | number[]): number | null {
  if (score == null || !Number.isFinite(score)) return null;
  const n = englandScoresDesc.length;
  if (n === 0) return null;
  // Count England LSOAs strictly more deprived (binary search on a descending array).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (englandScoresDesc[mid] > score) lo = mid + 1;
    else hi = mid;
  }
  const rank = lo + 1;
  return Math.min(10, Math.max(1, Math.ceil((rank * 10) / n)));
}

/** The nine decile boundaries of a descending England distribution (see IndicatorMeta.decileThresholds). */
export function decileThresholds(englandScoresDesc: Float64Array | number[]): number[] {
  const n = englandScoresDesc.length;
  const out: number[] = [];
  for (let d = 1; d < 10; d++) out.push(englandScoresDesc[Math.floor((d * n) / 10) - 1]);
  return out;
}

/** Decile from the nine boundaries: 1 + the number of boundaries the score is strictly below. */
export function decileFromThresholds(score: number | null, thresholds: number[]): number | null {
  if (score == null || !Number.isFinite(score) || thresholds.length !== 9) return null;
  let d = 1;
  for (const t of thresholds) if (score < t) d++;
  return d;
}
