/**
 * Where do a GP practice's patients live? Two ways to split practice counts over LSOAs:
 *
 * 1. A doubly-constrained spatial interaction ("gravity") model, used when no registration data
 *    is available: T_ij = A_i O_i B_j D_j exp(−β d_ij), with O_i the residents of LSOA i,
 *    D_j the list size of practice j and d_ij the straight-line distance in km. A_i and B_j are
 *    found by Furness (iterative proportional fitting) balancing, so every LSOA's residents and
 *    every practice's list are accounted for. β is calibrated against OHID Fingertips' practice
 *    deprivation score (the mean IMD score of the LSOAs where each practice's patients live).
 *
 * 2. The House of Commons Library method, used when NHS England's "Patients registered at a GP
 *    practice by LSOA" counts are available: each practice's register is split in proportion to
 *    the practice's registered patients in each LSOA.
 *
 * Both return the same shape. Pure functions: no I/O.
 */
import { parseCsv, toNumber } from '../core/csv';
import { haversineKm, type LonLat } from '../core/geo';

/** Origins × destinations distance matrix in km. */
export function distanceMatrix(origins: LonLat[], destinations: LonLat[]): number[][] {
  return origins.map((o) => destinations.map((d) => haversineKm(o, d)));
}

export interface BalanceOptions {
  /**
   * 'both' (default): doubly constrained, every practice's (scaled) list is filled from the origins.
   * 'origins': singly (origin) constrained, every LSOA's residents are shared among the practices in
   * proportion to list size × exp(−β cost); practice totals are not forced, so a practice whose list
   * includes many people living outside the area is not made to fill it from distant LSOAs.
   */
  constrain?: 'both' | 'origins';
  /** Largest allowed relative error of any row or column total (default 1e-9). */
  tolerance?: number;
  /** Most Furness iterations (one row pass + one column pass each; default 10,000). */
  maxIterations?: number;
}

export interface BalanceResult {
  /* With constrain 'origins' only the rows are balanced: column totals are the model's output, not D. */
  /** flows[i][j]: modelled people living in origin i and registered at destination j. */
  flows: number[][];
  iterations: number;
  converged: boolean;
  /** Destination totals after scaling to sum(origins): D_j × sum(O) / sum(D). */
  scaledDestinations: number[];
  /** Largest relative margin error at the end (rows and columns). */
  maxRelativeError: number;
}

function checkInputs(origins: number[], destinations: number[], dist: number[][], beta: number): void {
  if (!origins.length || !destinations.length) throw new Error('balanceFlows: need at least one origin and one destination');
  if (dist.length !== origins.length || dist.some((row) => row.length !== destinations.length))
    throw new Error(`balanceFlows: distance matrix must be ${origins.length}×${destinations.length}`);
  if (origins.some((o) => !Number.isFinite(o) || o < 0)) throw new Error('balanceFlows: origins must be finite and non-negative');
  if (destinations.some((d) => !Number.isFinite(d) || d < 0)) throw new Error('balanceFlows: destinations must be finite and non-negative');
  if (dist.some((row) => row.some((d) => !Number.isFinite(d) || d < 0))) throw new Error('balanceFlows: distances must be finite and non-negative');
  if (!Number.isFinite(beta) || beta < 0) throw new Error('balanceFlows: beta must be finite and non-negative');
  if (!(origins.reduce((s, x) => s + x, 0) > 0) || !(destinations.reduce((s, x) => s + x, 0) > 0))
    throw new Error('balanceFlows: origins and destinations must each have a positive total');
}

/**
 * Doubly-constrained gravity model balanced by Furness iteration.
 *
 * If sum(O) ≠ sum(D) the destinations are first scaled to sum(O). For GP practices and the
 * borough's residents the totals genuinely differ: practice lists include patients living outside
 * the borough, and some residents are registered at practices outside it. The model therefore
 * balances shares: each practice keeps its share of the (scaled) total, and each LSOA sends all its
 * residents somewhere in the set of practices.
 *
 * Numerics: the kernel of row i is exp(−β (d_ij − min_j d_ij)). Multiplying a row (or column) of
 * the kernel by a constant does not change the balanced solution, and this keeps the largest term
 * of every row at 1 so large β does not underflow.
 */
export function balanceFlows(origins: number[], destinations: number[], dist: number[][], beta: number, opts: BalanceOptions = {}): BalanceResult {
  checkInputs(origins, destinations, dist, beta);
  const tol = opts.tolerance ?? 1e-9;
  const maxIt = opts.maxIterations ?? 10000;
  const n = origins.length;
  const m = destinations.length;
  const sumO = origins.reduce((s, x) => s + x, 0);
  const sumD = destinations.reduce((s, x) => s + x, 0);
  const D = destinations.map((d) => (d * sumO) / sumD);

  const flows: number[][] = dist.map((row, i) => {
    const min = Math.min(...row);
    return row.map((d, j) => origins[i] * D[j] * Math.exp(-beta * (d - min)));
  });

  const rowErr = (): number => {
    let e = 0;
    for (let i = 0; i < n; i++) {
      if (origins[i] === 0) continue;
      let s = 0;
      for (let j = 0; j < m; j++) s += flows[i][j];
      e = Math.max(e, Math.abs(s - origins[i]) / origins[i]);
    }
    return e;
  };
  const colErr = (): number => {
    let e = 0;
    for (let j = 0; j < m; j++) {
      if (D[j] === 0) continue;
      let s = 0;
      for (let i = 0; i < n; i++) s += flows[i][j];
      e = Math.max(e, Math.abs(s - D[j]) / D[j]);
    }
    return e;
  };

  let iterations = 0;
  let converged = false;
  let err = Infinity;
  if (opts.constrain === 'origins') {
    // One row pass: each origin's total shared in proportion to its kernel row (D_j exp(−β d_ij)).
    for (let i = 0; i < n; i++) {
      const s = flows[i].reduce((a, x) => a + x, 0);
      const f = s > 0 ? origins[i] / s : 0;
      for (let j = 0; j < m; j++) flows[i][j] *= f;
    }
    return { flows, iterations: 1, converged: true, scaledDestinations: D, maxRelativeError: rowErr() };
  }
  while (iterations < maxIt) {
    iterations++;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += flows[i][j];
      const f = s > 0 ? origins[i] / s : 0;
      for (let j = 0; j < m; j++) flows[i][j] *= f;
    }
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += flows[i][j];
      const f = s > 0 ? D[j] / s : 0;
      for (let i = 0; i < n; i++) flows[i][j] *= f;
    }
    err = Math.max(rowErr(), colErr());
    if (err <= tol) {
      converged = true;
      break;
    }
  }
  return { flows, iterations, converged, scaledDestinations: D, maxRelativeError: err };
}

/** For each destination, the flow-weighted mean of an origin score: Σ_i T_ij s_i / Σ_i T_ij (null if no flow). */
export function flowWeightedMeans(flows: number[][], originScores: number[]): (number | null)[] {
  if (flows.length !== originScores.length) throw new Error('flowWeightedMeans: one score per origin needed');
  const m = flows[0]?.length ?? 0;
  const out: (number | null)[] = [];
  for (let j = 0; j < m; j++) {
    let s = 0;
    let w = 0;
    for (let i = 0; i < flows.length; i++) {
      s += flows[i][j] * originScores[i];
      w += flows[i][j];
    }
    out.push(w > 0 ? s / w : null);
  }
  return out;
}

export interface FitOptions extends BalanceOptions {
  betaMin?: number;
  betaMax?: number;
  /** Points in the log-spaced starting grid (default 60). */
  gridPoints?: number;
  /** Stop the golden-section refinement when the bracket is narrower than this (default 1e-5 per km). */
  betaTolerance?: number;
}

export interface FitResult {
  /** Distance decay per km. */
  beta: number;
  /** Root mean squared error (IMD score points) between modelled and observed practice scores. */
  rmse: number;
  /** Number of destinations with an observed score (the others stay in the model but not in the fit). */
  practicesUsed: number;
  /** True when the best β is at an end of the search range, i.e. the fit did not find an interior minimum. */
  atBoundary: boolean;
  /** Whether the Furness balancing converged at the chosen β. */
  converged: boolean;
}

/**
 * Calibrate β: minimise Σ_j (modelled_j − observed_j)² over destinations with an observed score,
 * where modelled_j is the flow-weighted mean origin score (e.g. IMD) of practice j's patients.
 * Search: a log-spaced grid over [betaMin, betaMax], then golden-section search between the grid
 * neighbours of the best grid point.
 */
export function fitBeta(
  origins: number[],
  destinations: number[],
  dist: number[][],
  originScores: number[],
  observed: (number | null)[],
  opts: FitOptions = {},
): FitResult {
  const lo = opts.betaMin ?? 0.01;
  const hi = opts.betaMax ?? 3;
  const points = opts.gridPoints ?? 60;
  const bTol = opts.betaTolerance ?? 1e-5;
  if (!(lo > 0 && hi > lo) || points < 3) throw new Error('fitBeta: need 0 < betaMin < betaMax and at least 3 grid points');
  if (observed.length !== destinations.length) throw new Error('fitBeta: one observed score (or null) per destination needed');
  if (originScores.length !== origins.length || originScores.some((s) => !Number.isFinite(s))) throw new Error('fitBeta: one finite score per origin needed');
  const used = observed.map((o, j) => (o != null && Number.isFinite(o) ? j : -1)).filter((j) => j >= 0);
  if (!used.length) throw new Error('fitBeta: no destination has an observed score');

  const sse = (beta: number): number => {
    const { flows } = balanceFlows(origins, destinations, dist, beta, opts);
    const model = flowWeightedMeans(flows, originScores);
    let s = 0;
    for (const j of used) s += ((model[j] ?? NaN) - observed[j]!) ** 2;
    return s;
  };

  const grid = Array.from({ length: points }, (_, k) => lo * (hi / lo) ** (k / (points - 1)));
  const values = grid.map(sse);
  let k = 0;
  for (let q = 1; q < values.length; q++) if (values[q] < values[k]) k = q;

  let a = grid[Math.max(0, k - 1)];
  let b = grid[Math.min(points - 1, k + 1)];
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = sse(c);
  let fd = sse(d);
  while (b - a > bTol) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = sse(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = sse(d);
    }
  }
  // Best of the refined point and the grid point (golden section can only improve on a unimodal bracket).
  let beta = (a + b) / 2;
  let best = sse(beta);
  if (values[k] < best) {
    beta = grid[k];
    best = values[k];
  }
  const { converged } = balanceFlows(origins, destinations, dist, beta, opts);
  const edge = (hi - lo) * 1e-6 + bTol;
  return { beta, rmse: Math.sqrt(best / used.length), practicesUsed: used.length, atBoundary: beta - lo <= edge || hi - beta <= edge, converged };
}

export interface ApportionResult {
  /** Per LSOA (in the order given): apportioned register count (a modelled, fractional number). */
  register: number[];
  /** Per LSOA: apportioned denominator. */
  denominator: number[];
  /**
   * Per practice: the share of its patients who live in the LSOAs covered (1 for the gravity
   * model, which is closed; under 1 with registration data when patients live outside the area;
   * 0 when a practice has no patients in the data and so is not apportioned).
   */
  inAreaShare: number[];
}

function checkPracticeCounts(fn: string, n: number, register: number[], denominator: number[]): void {
  if (register.length !== n || denominator.length !== n) throw new Error(`${fn}: one register and one denominator per practice needed (${n})`);
  if ([...register, ...denominator].some((x) => !Number.isFinite(x) || x < 0)) throw new Error(`${fn}: counts must be finite and non-negative`);
}

/**
 * Split each practice's register and denominator over origins (LSOAs) in proportion to its column
 * of flows, i.e. the modelled share of its patients living in each LSOA.
 */
export function apportion(flows: number[][], registerByPractice: number[], denominatorByPractice: number[]): ApportionResult {
  const m = flows[0]?.length ?? 0;
  if (flows.some((row) => row.length !== m)) throw new Error('apportion: ragged flow matrix');
  checkPracticeCounts('apportion', m, registerByPractice, denominatorByPractice);
  const colSum = new Array<number>(m).fill(0);
  for (const row of flows) row.forEach((t, j) => (colSum[j] += t));
  const register = flows.map((row) => row.reduce((s, t, j) => (colSum[j] > 0 ? s + (t / colSum[j]) * registerByPractice[j] : s), 0));
  const denominator = flows.map((row) => row.reduce((s, t, j) => (colSum[j] > 0 ? s + (t / colSum[j]) * denominatorByPractice[j] : s), 0));
  return { register, denominator, inAreaShare: colSum.map((s) => (s > 0 ? 1 : 0)) };
}

export interface RegistrationRow {
  practice: string;
  lsoa: string;
  patients: number;
}

/**
 * Parse NHS England's "Patients registered at a GP practice by LSOA" file (gp-reg-pat-prac-lsoa-all.csv):
 * columns PRACTICE_CODE, LSOA_CODE (or LSOA_CODE_2021) and NUMBER_OF_PATIENTS; other columns
 * (PUBLICATION, EXTRACT_DATE, PRACTICE_NAME, …) are ignored. If a SEX column is present and has
 * "ALL" rows, only those are used (otherwise the rows are summed, e.g. MALE + FEMALE).
 * Rows for the same practice and LSOA are summed.
 */
export function parseRegistrationsByLsoa(text: string): { rows: RegistrationRow[]; errors: string[] } {
  const t = parseCsv(text);
  const errors = [...t.errors];
  const lsoaCol = t.fields.includes('LSOA_CODE') ? 'LSOA_CODE' : t.fields.includes('LSOA_CODE_2021') ? 'LSOA_CODE_2021' : null;
  const missing = ['PRACTICE_CODE', 'NUMBER_OF_PATIENTS'].filter((c) => !t.fields.includes(c));
  if (!lsoaCol) missing.push('LSOA_CODE (or LSOA_CODE_2021)');
  if (missing.length) return { rows: [], errors: [...errors, `missing columns ${missing.join(', ')}`] };
  const hasSex = t.fields.includes('SEX');
  const onlyAll = hasSex && t.rows.some((r) => (r.SEX ?? '').trim().toUpperCase() === 'ALL');
  const sums = new Map<string, RegistrationRow>();
  t.rows.forEach((r, idx) => {
    if (onlyAll && (r.SEX ?? '').trim().toUpperCase() !== 'ALL') return;
    const practice = (r.PRACTICE_CODE ?? '').trim();
    const lsoa = (r[lsoaCol!] ?? '').trim();
    const n = toNumber(r.NUMBER_OF_PATIENTS);
    const where = `line ${idx + 2}`;
    if (!practice || !lsoa) return void errors.push(`${where}: blank practice or LSOA code`);
    if (n === null || Number.isNaN(n) || n < 0) return void errors.push(`${where}: NUMBER_OF_PATIENTS "${r.NUMBER_OF_PATIENTS}" is not a non-negative number`);
    const key = `${practice}\u0000${lsoa}`;
    const prev = sums.get(key);
    if (prev) prev.patients += n;
    else sums.set(key, { practice, lsoa, patients: n });
  });
  return { rows: [...sums.values()], errors };
}

/**
 * House of Commons Library method: split each practice's register and denominator over LSOAs in
 * proportion to the practice's registered patients living in each LSOA. A practice's share is
 * taken over all the LSOAs in `rows` (including LSOAs outside `lsoaCodes`), so patients living
 * outside the area take their share of the register with them; `inAreaShare` reports how much
 * stayed. Practices with no rows get share 0 and are not apportioned.
 */
export function apportionByRegistrations(
  rows: RegistrationRow[],
  lsoaCodes: string[],
  practiceCodes: string[],
  registerByPractice: number[],
  denominatorByPractice: number[],
): ApportionResult {
  checkPracticeCounts('apportionByRegistrations', practiceCodes.length, registerByPractice, denominatorByPractice);
  const pIndex = new Map(practiceCodes.map((c, j) => [c, j]));
  const lIndex = new Map(lsoaCodes.map((c, i) => [c, i]));
  const total = new Array<number>(practiceCodes.length).fill(0);
  const inArea = new Array<number>(practiceCodes.length).fill(0);
  for (const r of rows) {
    const j = pIndex.get(r.practice);
    if (j === undefined) continue;
    if (!Number.isFinite(r.patients) || r.patients < 0) throw new Error(`apportionByRegistrations: bad patient count for ${r.practice} ${r.lsoa}`);
    total[j] += r.patients;
    if (lIndex.has(r.lsoa)) inArea[j] += r.patients;
  }
  const register = new Array<number>(lsoaCodes.length).fill(0);
  const denominator = new Array<number>(lsoaCodes.length).fill(0);
  for (const r of rows) {
    const j = pIndex.get(r.practice);
    const i = lIndex.get(r.lsoa);
    if (j === undefined || i === undefined || !(total[j] > 0)) continue;
    const share = r.patients / total[j];
    register[i] += share * registerByPractice[j];
    denominator[i] += share * denominatorByPractice[j];
  }
  return { register, denominator, inAreaShare: total.map((t, j) => (t > 0 ? inArea[j] / t : 0)) };
}

// ---------------------------------------------------------------------------------------------
// Barriers: a crossing cost added to the distance when origin and destination lie on different
// sides of a barrier (e.g. a river crossed only at a few bridges), fitted with β.

/** 1 where origin i and destination j lie on different sides of the barrier, else 0. */
export function crossingMatrix(originSide: boolean[], destinationSide: boolean[]): number[][] {
  return originSide.map((a) => destinationSide.map((b) => (a === b ? 0 : 1)));
}

/** Generalised cost in km: distance plus crossingKm for every crossing. */
export function costMatrix(dist: number[][], crossing: number[][], crossingKm: number): number[][] {
  if (!Number.isFinite(crossingKm) || crossingKm < 0) throw new Error('costMatrix: crossingKm must be finite and non-negative');
  if (crossing.length !== dist.length || crossing.some((row, i) => row.length !== dist[i].length)) throw new Error('costMatrix: crossing and distance matrices differ in shape');
  return dist.map((row, i) => row.map((d, j) => d + crossingKm * crossing[i][j]));
}

export interface BarrierFitOptions extends FitOptions {
  /** Largest crossing cost tried, km (default 20). */
  crossingMax?: number;
  /** Points in the starting grid of crossing costs, 0 included (default 21). */
  crossingGridPoints?: number;
  /** Stop refining the crossing cost when the bracket is narrower than this, km (default 0.01). */
  crossingTolerance?: number;
}

export interface BarrierFitResult extends FitResult {
  /** Extra km-equivalent cost of crossing the barrier. */
  crossingKm: number;
  /** True when the best crossing cost is the largest tried (the barrier may be stronger still). */
  crossingAtMax: boolean;
  /**
   * The smallest crossing cost tried whose RMSE is within 0.01 score points of the best: when the fit
   * is flat above some cost (almost no one crosses), any cost from here up fits as well.
   */
  crossingFlatFromKm: number;
}

/**
 * Calibrate β and a barrier crossing cost c together: the cost of practice j for LSOA i is
 * d_ij + c × crossing_ij. For each c, β is fitted by fitBeta; c is chosen on a grid over
 * [0, crossingMax] and refined by golden-section search between the grid neighbours of the best.
 * c = 0 is always tried, so the fit is never worse than ignoring the barrier.
 */
export function fitBetaAndCrossing(
  origins: number[],
  destinations: number[],
  dist: number[][],
  crossing: number[][],
  originScores: number[],
  observed: (number | null)[],
  opts: BarrierFitOptions = {},
): BarrierFitResult {
  const cMax = opts.crossingMax ?? 20;
  const points = opts.crossingGridPoints ?? 21;
  const cTol = opts.crossingTolerance ?? 0.01;
  if (!(cMax > 0) || points < 3) throw new Error('fitBetaAndCrossing: need crossingMax > 0 and at least 3 grid points');
  const cache = new Map<number, FitResult>();
  const at = (c: number): FitResult => {
    let r = cache.get(c);
    if (!r) {
      r = fitBeta(origins, destinations, costMatrix(dist, crossing, c), originScores, observed, opts);
      cache.set(c, r);
    }
    return r;
  };
  const grid = Array.from({ length: points }, (_, k) => (cMax * k) / (points - 1));
  let k = 0;
  grid.forEach((c, q) => {
    if (at(c).rmse < at(grid[k]).rmse) k = q;
  });
  let a = grid[Math.max(0, k - 1)];
  let b = grid[Math.min(points - 1, k + 1)];
  const phi = (Math.sqrt(5) - 1) / 2;
  let c1 = b - phi * (b - a);
  let c2 = a + phi * (b - a);
  while (b - a > cTol) {
    if (at(c1).rmse < at(c2).rmse) {
      b = c2;
      c2 = c1;
      c1 = b - phi * (b - a);
    } else {
      a = c1;
      c1 = c2;
      c2 = a + phi * (b - a);
    }
  }
  let best = grid[k];
  for (const c of [(a + b) / 2, c1, c2]) if (at(c).rmse < at(best).rmse) best = c;
  const flat = Math.min(...[...cache.entries()].filter(([, r]) => r.rmse <= at(best).rmse + 0.01).map(([c]) => c));
  return { ...at(best), crossingKm: best, crossingAtMax: cMax - best <= cTol, crossingFlatFromKm: flat };
}

// ---------------------------------------------------------------------------------------------
// Validation: leave one practice out.

export interface LeaveOneOutResult {
  /** Per practice: prevalence (0–1) predicted without it, or null when it has no denominator or no patients in the model. */
  predicted: (number | null)[];
  /** Per practice: its own prevalence (register ÷ denominator, 0–1), or null with no denominator. */
  observed: (number | null)[];
}

/**
 * Leave-one-practice-out prediction of practice prevalence. For each practice j: balance the model
 * without j (its patients are shared among the others), apportion the other practices' registers
 * and denominators to LSOAs, and predict j's prevalence as the average of those LSOA rates weighted
 * by where j's patients live in the full model (Σ_i s_ij × reg_i / den_i with s_ij = T_ij / Σ_i T_ij).
 * It asks: do the small-area estimates built from neighbouring practices reproduce a practice the
 * model has not seen? `flows` is the full model's flow matrix at the same cost and β.
 */
export function leaveOnePracticeOut({
  origins,
  destinations,
  cost,
  beta,
  flows,
  registers,
  denominators,
  opts = {},
}: {
  origins: number[];
  destinations: number[];
  cost: number[][];
  beta: number;
  flows: number[][];
  /** Per condition: register and denominator per practice. */
  registers: number[][];
  denominators: number[][];
  opts?: BalanceOptions;
}): LeaveOneOutResult[] {
  const m = destinations.length;
  if (m < 2) throw new Error('leaveOnePracticeOut: need at least two practices');
  if (registers.length !== denominators.length) throw new Error('leaveOnePracticeOut: one register and one denominator list per condition');
  const out: LeaveOneOutResult[] = registers.map((reg, k) => {
    checkPracticeCounts('leaveOnePracticeOut', m, reg, denominators[k]);
    return { predicted: new Array<number | null>(m).fill(null), observed: reg.map((r, j) => (denominators[k][j] > 0 ? r / denominators[k][j] : null)) };
  });
  for (let j = 0; j < m; j++) {
    const colSum = flows.reduce((s, row) => s + row[j], 0);
    if (!(colSum > 0)) continue;
    const keep = (row: number[]) => row.filter((_, q) => q !== j);
    const bal = balanceFlows(origins, keep(destinations), cost.map(keep), beta, opts);
    registers.forEach((reg, k) => {
      const res = apportion(bal.flows, keep(reg), keep(denominators[k]));
      let s = 0;
      let w = 0;
      flows.forEach((row, i) => {
        if (!(res.denominator[i] > 0)) return;
        s += (row[j] / colSum) * (res.register[i] / res.denominator[i]);
        w += row[j] / colSum;
      });
      out[k].predicted[j] = w > 0 ? s / w : null;
    });
  }
  return out;
}

/**
 * The same question answered without a model: each practice predicted by the pooled prevalence of all
 * the other practices (Σ register ÷ Σ denominator without it). A model worth using beats this.
 */
export function leaveOneOutPooled(register: number[], denominator: number[]): (number | null)[] {
  const r = register.reduce((s, x) => s + x, 0);
  const d = denominator.reduce((s, x) => s + x, 0);
  return register.map((x, j) => (d - denominator[j] > 0 ? (r - x) / (d - denominator[j]) : null));
}

export interface ErrorSummary {
  /** Practices with both a prediction and an observation. */
  n: number;
  /** Root mean squared error on the 0–1 scale. */
  rmse: number;
  /** Root mean squared relative error, (predicted − observed) ÷ predicted. */
  relativeRmse: number;
}

/** RMSE and relative RMSE of predictions against observations (pairs with a null are skipped). */
export function errorSummary(predicted: (number | null)[], observed: (number | null)[]): ErrorSummary {
  if (predicted.length !== observed.length) throw new Error('errorSummary: predictions and observations differ in length');
  let n = 0;
  let sq = 0;
  let rel = 0;
  predicted.forEach((p, j) => {
    const o = observed[j];
    if (p == null || o == null || !Number.isFinite(p) || !Number.isFinite(o) || !(p > 0)) return;
    n++;
    sq += (p - o) ** 2;
    rel += ((p - o) / p) ** 2;
  });
  return n ? { n, rmse: Math.sqrt(sq / n), relativeRmse: Math.sqrt(rel / n) } : { n: 0, rmse: NaN, relativeRmse: NaN };
}

/** Pearson correlation of paired values (pairs with a null skipped); NaN with fewer than three pairs or no spread. */
export function correlation(x: (number | null)[], y: (number | null)[]): number {
  const pairs = x.map((a, i) => [a, y[i]] as const).filter((p): p is readonly [number, number] => p[0] != null && p[1] != null && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (pairs.length < 3) return NaN;
  const mx = pairs.reduce((s, p) => s + p[0], 0) / pairs.length;
  const my = pairs.reduce((s, p) => s + p[1], 0) / pairs.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [a, b] of pairs) {
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
