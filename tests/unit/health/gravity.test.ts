import { describe, expect, it } from 'vitest';
import {
  apportion,
  apportionByRegistrations,
  balanceFlows,
  distanceMatrix,
  fitBeta,
  flowWeightedMeans,
  parseRegistrationsByLsoa,
} from '../../../src/lib/health/gravity';
import { haversineKm, type LonLat } from '../../../src/lib/core/geo';

const R = 6371.0088;
const rowSums = (f: number[][]) => f.map((r) => r.reduce((s, x) => s + x, 0));
const colSums = (f: number[][]) => f[0].map((_, j) => f.reduce((s, r) => s + r[j], 0));
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('haversineKm', () => {
  it('is zero for the same point and symmetric', () => {
    const a: LonLat = [-1.318986, 54.561625];
    const b: LonLat = [-1.292215, 54.611726];
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 12);
  });

  it('gives R·Δφ along a meridian and R·π/2 for a quarter of the equator', () => {
    // one degree of latitude: 6371.0088 × π/180 = 111.19508 km
    expect(haversineKm([0, 54], [0, 55])).toBeCloseTo((R * Math.PI) / 180, 9);
    expect(haversineKm([0, 0], [90, 0])).toBeCloseTo((R * Math.PI) / 2, 6);
  });

  it('shrinks east–west distance with latitude (cos φ)', () => {
    // Near 54.5°N a degree of longitude is about cos(54.5°) × 111.195 = 64.56 km.
    const d = haversineKm([-1.5, 54.5], [-0.5, 54.5]);
    expect(d).toBeGreaterThan(64.4);
    expect(d).toBeLessThan(64.7);
  });

  it('distanceMatrix is origins × destinations', () => {
    const m = distanceMatrix([[0, 54], [0, 55], [1, 54]], [[0, 54], [0, 56]]);
    expect(m).toHaveLength(3);
    expect(m[0]).toHaveLength(2);
    expect(m[0][0]).toBe(0);
    expect(m[1][1]).toBeCloseTo((R * Math.PI) / 180, 9);
  });
});

describe('balanceFlows', () => {
  // Synthetic 3 origins × 2 destinations.
  const O = [100, 200, 300];
  const dist = [
    [1, 5],
    [2, 2],
    [4, 1],
  ];

  it('preserves both margins when the totals agree', () => {
    const D = [250, 350];
    const r = balanceFlows(O, D, dist, 0.5);
    expect(r.converged).toBe(true);
    rowSums(r.flows).forEach((s, i) => expect(relErr(s, O[i])).toBeLessThan(1e-9));
    colSums(r.flows).forEach((s, j) => expect(relErr(s, D[j])).toBeLessThan(1e-9));
    expect(r.maxRelativeError).toBeLessThanOrEqual(1e-9);
  });

  it('scales destinations to sum(origins) first, then preserves both margins', () => {
    const D = [500, 700]; // sum 1200; scaled by 600/1200 -> [250, 350]
    const r = balanceFlows(O, D, dist, 0.5);
    expect(r.scaledDestinations[0]).toBeCloseTo(250, 12);
    expect(r.scaledDestinations[1]).toBeCloseTo(350, 12);
    rowSums(r.flows).forEach((s, i) => expect(relErr(s, O[i])).toBeLessThan(1e-9));
    colSums(r.flows).forEach((s, j) => expect(relErr(s, r.scaledDestinations[j])).toBeLessThan(1e-9));
  });

  it('beta = 0 gives flows proportional to O_i × D_j', () => {
    const D = [500, 700];
    const r = balanceFlows(O, D, dist, 0);
    // T_ij = O_i × D'_j / sum(O), D' = [250, 350]: e.g. 100 × 250 / 600 = 41.667
    O.forEach((o, i) => [250, 350].forEach((d, j) => expect(r.flows[i][j]).toBeCloseTo((o * d) / 600, 9)));
    expect(r.flows[0][0]).toBeCloseTo(41.6666667, 6);
  });

  it('matches the closed-form 2×2 solution (odds ratio e^{2β})', () => {
    // O = D = [1, 1], d = [[0,1],[1,0]]. IPF keeps the kernel's odds ratio e^{2β}, so the balanced
    // table is [[a, 1−a], [1−a, a]] with a/(1−a) = e^β. β = ln 3 gives a = 3/4.
    const r = balanceFlows([1, 1], [1, 1], [[0, 1], [1, 0]], Math.log(3));
    expect(r.flows[0][0]).toBeCloseTo(0.75, 9);
    expect(r.flows[0][1]).toBeCloseTo(0.25, 9);
    expect(r.flows[1][0]).toBeCloseTo(0.25, 9);
    expect(r.flows[1][1]).toBeCloseTo(0.75, 9);
  });

  it('sends more of an origin to its nearest destination as beta grows', () => {
    const D = [250, 350];
    const share = (beta: number) => {
      const f = balanceFlows(O, D, dist, beta).flows;
      return f[0][0] / O[0]; // origin 0 is nearer destination 0
    };
    expect(share(0.2)).toBeGreaterThan(share(0));
    expect(share(1)).toBeGreaterThan(share(0.2));
    expect(share(3)).toBeGreaterThan(share(1));
  });

  it('stays finite for a steep beta (no underflow)', () => {
    const r = balanceFlows([10, 10], [10, 10], [[0, 300], [300, 0]], 3);
    expect(r.converged).toBe(true);
    r.flows.flat().forEach((x) => expect(Number.isFinite(x)).toBe(true));
    expect(r.flows[0][0]).toBeCloseTo(10, 6);
  });

  it('reports non-convergence when capped at one iteration', () => {
    const r = balanceFlows(O, [250, 350], dist, 0.5, { maxIterations: 1 });
    expect(r.iterations).toBe(1);
    expect(r.converged).toBe(false);
    expect(r.maxRelativeError).toBeGreaterThan(1e-9);
  });

  it('rejects bad inputs', () => {
    expect(() => balanceFlows(O, [1, 1], [[1, 1]], 0.5)).toThrow(/distance matrix/);
    expect(() => balanceFlows(O, [1, 1], dist, -1)).toThrow(/beta/);
    expect(() => balanceFlows([1, -1, 1], [1, 1], dist, 1)).toThrow(/origins/);
    expect(() => balanceFlows(O, [0, 0], dist, 1)).toThrow(/positive total/);
  });
});

describe('flowWeightedMeans', () => {
  it('is Σ_i T_ij s_i / Σ_i T_ij per destination', () => {
    // column 0: (1·10 + 3·20) / 4 = 17.5; column 1: (0·10 + 2·20) / 2 = 20
    expect(flowWeightedMeans([[1, 0], [3, 2]], [10, 20])).toEqual([17.5, 20]);
    expect(flowWeightedMeans([[0], [0]], [10, 20])).toEqual([null]);
  });
});

describe('fitBeta', () => {
  // Synthetic town: 6 origins on a line 0..5 km, 3 destinations at 0.5, 2.5 and 4.5 km.
  const origins: LonLat[] = [0, 1, 2, 3, 4, 5].map((km) => [(km / R) * (180 / Math.PI), 0]);
  const dests: LonLat[] = [0.5, 2.5, 4.5].map((km) => [(km / R) * (180 / Math.PI), 0]);
  const dist = distanceMatrix(origins, dests);
  const O = [100, 120, 90, 110, 80, 100];
  const D = [200, 250, 150];
  const scores = [40, 35, 20, 15, 10, 5];

  it('recovers the beta that generated the observed scores', () => {
    const truth = 0.8;
    const observed = flowWeightedMeans(balanceFlows(O, D, dist, truth).flows, scores);
    const fit = fitBeta(O, D, dist, scores, observed);
    expect(fit.beta).toBeCloseTo(truth, 3);
    expect(fit.rmse).toBeLessThan(1e-4); // beta is located to ~1e-5 per km
    expect(fit.practicesUsed).toBe(3);
    expect(fit.atBoundary).toBe(false);
    expect(fit.converged).toBe(true);
  });

  it('leaves destinations without an observed score out of the fit', () => {
    const truth = 1.5;
    const observed: (number | null)[] = flowWeightedMeans(balanceFlows(O, D, dist, truth).flows, scores);
    observed[1] = null;
    const fit = fitBeta(O, D, dist, scores, observed);
    expect(fit.practicesUsed).toBe(2);
    expect(fit.beta).toBeCloseTo(truth, 2);
  });

  it('flags a best beta at the edge of the search range', () => {
    // Scores that no distance decay can reproduce better than the flattest model.
    const observed = flowWeightedMeans(balanceFlows(O, D, dist, 0).flows, scores);
    const fit = fitBeta(O, D, dist, scores, observed, { betaMin: 0.01, betaMax: 3 });
    expect(fit.beta).toBeLessThan(0.02);
    expect(fit.atBoundary).toBe(true);
  });

  it('throws when no destination has a score', () => {
    expect(() => fitBeta(O, D, dist, scores, [null, null, null])).toThrow(/no destination/);
  });
});

describe('apportion (gravity flows)', () => {
  it('splits each practice by its column shares (worked example)', () => {
    // Columns: practice 0 has 30 + 70 = 100 patients, practice 1 has 10 + 30 = 40.
    // LSOA 0 register = 0.30·10 + 0.25·4 = 4; LSOA 1 = 0.70·10 + 0.75·4 = 10.
    // LSOA 0 denominator = 0.30·100 + 0.25·40 = 40; LSOA 1 = 0.70·100 + 0.75·40 = 100.
    const r = apportion([[30, 10], [70, 30]], [10, 4], [100, 40]);
    expect(r.register[0]).toBeCloseTo(4, 12);
    expect(r.register[1]).toBeCloseTo(10, 12);
    expect(r.denominator[0]).toBeCloseTo(40, 12);
    expect(r.denominator[1]).toBeCloseTo(100, 12);
    expect(r.inAreaShare).toEqual([1, 1]);
  });

  it('conserves the practices’ total register and denominator', () => {
    const f = balanceFlows([100, 200, 300], [500, 700], [[1, 5], [2, 2], [4, 1]], 0.7).flows;
    const r = apportion(f, [37, 91], [480, 690]);
    expect(r.register.reduce((s, x) => s + x, 0)).toBeCloseTo(37 + 91, 9);
    expect(r.denominator.reduce((s, x) => s + x, 0)).toBeCloseTo(480 + 690, 9);
  });

  it('rejects a count vector of the wrong length', () => {
    expect(() => apportion([[1, 2]], [1], [1, 1])).toThrow(/one register/);
  });
});

describe('parseRegistrationsByLsoa', () => {
  const head = 'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS';

  it('uses only SEX = ALL rows when they are present', () => {
    const { rows, errors } = parseRegistrationsByLsoa(`${head}\nP,X,A1,N,E01,ALL,10\nP,X,A1,N,E01,MALE,4\nP,X,A1,N,E01,FEMALE,6\n`);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ practice: 'A1', lsoa: 'E01', patients: 10 }]);
  });

  it('sums MALE + FEMALE when there are no ALL rows, and accepts LSOA_CODE_2021', () => {
    const text = 'PRACTICE_CODE,LSOA_CODE_2021,SEX,NUMBER_OF_PATIENTS\nA1,E01,MALE,4\nA1,E01,FEMALE,6\nA1,E02,MALE,1\n';
    const { rows, errors } = parseRegistrationsByLsoa(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { practice: 'A1', lsoa: 'E01', patients: 10 },
      { practice: 'A1', lsoa: 'E02', patients: 1 },
    ]);
  });

  it('reports missing columns and bad counts instead of throwing', () => {
    expect(parseRegistrationsByLsoa('PRACTICE_CODE,NUMBER_OF_PATIENTS\nA1,3\n').errors.join()).toMatch(/LSOA_CODE/);
    const bad = parseRegistrationsByLsoa('PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nA1,E01,lots\nA1,E02,-1\nA1,E03,5\n');
    expect(bad.errors).toHaveLength(2);
    expect(bad.rows).toEqual([{ practice: 'A1', lsoa: 'E03', patients: 5 }]);
  });
});

describe('apportionByRegistrations (House of Commons Library method)', () => {
  const rows = [
    { practice: 'P1', lsoa: 'L1', patients: 60 },
    { practice: 'P1', lsoa: 'L2', patients: 30 },
    { practice: 'P1', lsoa: 'OUTSIDE', patients: 10 },
    { practice: 'P2', lsoa: 'L2', patients: 20 },
    { practice: 'OTHER', lsoa: 'L1', patients: 999 },
  ];

  it('splits by registered patients, with out-of-area patients taking their share away', () => {
    // P1: 60% L1, 30% L2, 10% outside. P2: 100% L2. OTHER is not one of our practices: ignored.
    // L1 register = 0.6·50 = 30; L2 = 0.3·50 + 1·8 = 23. Denominators: 0.6·500 = 300; 0.3·500 + 80 = 230.
    const r = apportionByRegistrations(rows, ['L1', 'L2'], ['P1', 'P2', 'P3'], [50, 8, 5], [500, 80, 60]);
    expect(r.register[0]).toBeCloseTo(30, 12);
    expect(r.register[1]).toBeCloseTo(23, 12);
    expect(r.denominator[0]).toBeCloseTo(300, 12);
    expect(r.denominator[1]).toBeCloseTo(230, 12);
    expect(r.inAreaShare[0]).toBeCloseTo(0.9, 12);
    expect(r.inAreaShare[1]).toBe(1);
    expect(r.inAreaShare[2]).toBe(0); // P3 has no rows: not apportioned
    // Borough total = Σ_j register_j × in-area share_j = 50·0.9 + 8·1 + 5·0 = 53
    expect(r.register[0] + r.register[1]).toBeCloseTo(53, 12);
  });

  it('returns the same shape as the gravity apportionment', () => {
    const a = apportionByRegistrations(rows, ['L1', 'L2'], ['P1', 'P2'], [50, 8], [500, 80]);
    const b = apportion([[1, 1], [1, 1]], [50, 8], [500, 80]);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.register).toHaveLength(b.register.length);
    expect(a.inAreaShare).toHaveLength(b.inAreaShare.length);
  });
});
