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
