/**
 * Wilson score interval for a proportion, as in PHEindicatormethods::phe_proportion
 * (the method OHID Fingertips uses). Returns the interval on the 0–1 scale.
 */
export type ConfidenceLevel = 0.95 | 0.998;

/** Two-sided z for the levels Fingertips offers. */
export function zFor(level: ConfidenceLevel): number {
  // qnorm(0.975) and qnorm(0.999), to the precision PHEindicatormethods uses.
  return level === 0.95 ? 1.959963984540054 : 3.090232306167813;
}

export interface Interval {
  lower: number;
  upper: number;
}

export function wilsonInterval(numerator: number, denominator: number, level: ConfidenceLevel = 0.95): Interval | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  if (denominator <= 0 || numerator < 0 || numerator > denominator) return null;
  const z = zFor(level);
  const p = numerator / denominator;
  const z2 = z * z;
  const a = 2 * numerator + z2;
  const b = z * Math.sqrt(z2 + 4 * numerator * (1 - p));
  const c = 2 * (denominator + z2);
  return { lower: Math.max(0, (a - b) / c), upper: Math.min(1, (a + b) / c) };
}
