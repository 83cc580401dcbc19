import { describe, expect, it } from 'vitest';
import {
  besideOffsets,
  spreadBadges,
  boxesOverlap,
  declutterSymbols,
  fitPadding,
  labelOrder,
  nearestPlaceSizes,
  placeLabels,
  placeTier,
  ringRadius,
  type LabelCandidate,
  type PointSymbol,
  type SymbolLayout,
} from '../../../src/lib/labels/placement';

const label = (id: string, x: number, y: number, priority = 1, size = 0, w = 40, h = 10): LabelCandidate => ({ id, x, y, w, h, priority, size });
const VIEW = { width: 400, height: 300, padding: 0 };

describe('placeLabels', () => {
  const cases: { name: string; cands: LabelCandidate[]; opts?: Partial<Parameters<typeof placeLabels>[1]>; shown: string[] }[] = [
    { name: 'nothing to place', cands: [], shown: [] },
    { name: 'two apart both shown', cands: [label('a', 50, 50), label('b', 200, 50)], shown: ['a', 'b'] },
    { name: 'overlapping: the higher priority wins', cands: [label('village', 100, 100, 1), label('town', 110, 102, 0)], shown: ['town'] },
    { name: 'same priority: the bigger wins', cands: [label('small', 100, 100, 1, 10), label('big', 110, 102, 1, 5000)], shown: ['big'] },
    { name: 'same priority and size: id decides (stable)', cands: [label('b', 100, 100), label('a', 110, 102)], shown: ['a'] },
    { name: 'touching edges do not overlap', cands: [label('a', 100, 100), label('b', 140, 100)], shown: ['a', 'b'] },
    { name: 'padding keeps touching labels apart', cands: [label('a', 100, 100), label('b', 140, 100)], opts: { padding: 2 }, shown: ['a'] },
    { name: 'partly off the left edge is hidden', cands: [label('a', 10, 100)], shown: [] },
    { name: 'partly off the bottom edge is hidden', cands: [label('a', 100, 297)], shown: [] },
    { name: 'a blocked box (a map control) is avoided', cands: [label('a', 380, 20), label('b', 100, 20)], opts: { blocked: [{ x: 340, y: 0, w: 60, h: 60 }] }, shown: ['b'] },
    { name: 'not a number (off the map projection) is skipped', cands: [label('a', NaN, 10)], shown: [] },
    {
      name: 'a chain: first and third shown, the middle one overlaps both',
      cands: [label('a', 100, 100, 0), label('b', 130, 100, 2), label('c', 160, 100, 1)],
      shown: ['a', 'c'],
    },
    {
      name: 'a hidden label does not block another',
      cands: [label('town', 100, 100, 0), label('v1', 130, 100, 1, 9), label('v2', 160, 100, 1, 1)],
      shown: ['town', 'v2'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      expect([...placeLabels(c.cands, { ...VIEW, ...c.opts }).keys()].sort()).toEqual(c.shown);
    });

  it('shown labels never overlap, for many random labels', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const cands = Array.from({ length: 300 }, (_, i) => ({ ...label(`l${i}`, rnd() * 400, rnd() * 300, Math.floor(rnd() * 3), rnd() * 1000, 20 + rnd() * 60, 12), offsets: besideOffsets(40, 12, [4]) }));
    const shown = placeLabels(cands, { ...VIEW, padding: 1 });
    const boxes = cands.filter((c) => shown.has(c.id)).map((c) => ({ x: c.x + shown.get(c.id)![0] - c.w / 2, y: c.y + shown.get(c.id)![1] - c.h / 2, w: c.w, h: c.h }));
    expect(boxes.length).toBeGreaterThan(10);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i], boxes[j])).toBe(false);
  });

  it('a label whose centre is taken goes beside its point instead', () => {
    const blocked = [{ x: 90, y: 90, w: 20, h: 20 }];
    const out = placeLabels([{ ...label('town', 100, 100), offsets: besideOffsets(40, 10, [12]) }], { ...VIEW, blocked });
    // Centred overlaps the symbol; above (12 px clear of the point) does not.
    expect(out.get('town')).toEqual([0, -17]);
  });

  it('further positions are tried when the near ones are taken', () => {
    // A symbol ring around the point: the near positions overlap it, the far ones do not.
    const blocked = [{ x: 60, y: 70, w: 80, h: 60 }];
    const out = placeLabels([{ ...label('town', 100, 100), offsets: besideOffsets(40, 10, [4, 30]) }], { ...VIEW, blocked });
    expect(out.get('town')).toEqual([0, -35]);
  });

  it('offsets: centred, then four sides and four corners per gap', () => {
    const o = besideOffsets(40, 10, [4, 30]);
    expect(o).toHaveLength(17);
    expect(o.slice(0, 5)).toEqual([[0, 0], [0, -9], [0, 9], [24, 0], [-24, 0]]);
  });

  it('a label with every position taken is hidden', () => {
    const blocked = [{ x: 0, y: 0, w: 400, h: 300 }];
    expect(placeLabels([{ ...label('town', 100, 100), offsets: besideOffsets(40, 10, [4, 20]) }], { ...VIEW, blocked }).size).toBe(0);
  });

  it('orders by priority, then size, then id', () => {
    expect(labelOrder([label('w', 0, 0, 2, 99), label('v', 0, 0, 1, 1), label('t', 0, 0, 0, 1), label('u', 0, 0, 1, 5)]).map((c) => c.id)).toEqual(['t', 'u', 'v', 'w']);
  });
});

const sym = (id: string, x: number, y: number, r = 8, weight = 1): PointSymbol => ({ id, x, y, r, weight });

/** Every drawn button centre with its radius, from a layout. */
function drawn(layout: SymbolLayout[], syms: PointSymbol[], clusterR = 16): { id: string; x: number; y: number; r: number }[] {
  const r = (id: string) => syms.find((s) => s.id === id)!.r;
  return layout.flatMap((l) =>
    l.kind === 'single' ? [{ id: l.id, x: l.x, y: l.y, r: r(l.id) }] : l.kind === 'spread' ? l.members.map((m) => ({ ...m, r: r(m.id) })) : [{ id: l.ids.join('+'), x: l.x, y: l.y, r: clusterR }],
  );
}

describe('declutterSymbols', () => {
  const cases: { name: string; syms: PointSymbol[]; kinds: string[]; spreadMax?: number }[] = [
    { name: 'nothing', syms: [], kinds: [] },
    { name: 'apart: each drawn where it is', syms: [sym('a', 0, 0), sym('b', 100, 0)], kinds: ['single', 'single'] },
    { name: 'overlapping pair is fanned out', syms: [sym('a', 0, 0), sym('b', 5, 0)], kinds: ['spread'] },
    { name: 'three at one point (one building) are fanned out', syms: [sym('a', 50, 50), sym('b', 50, 50), sym('c', 50, 50)], kinds: ['spread'] },
    { name: 'a crowd bigger than spreadMax becomes one cluster', syms: [0, 1, 2, 3, 4].map((k) => sym(`p${k}`, 100 + k * 3, 100)), spreadMax: 4, kinds: ['cluster'] },
    { name: 'a fanned-out group that then touches a neighbour takes it in', syms: [sym('a', 0, 0), sym('b', 4, 0), sym('c', 26, 0)], kinds: ['spread'] },
    { name: 'touching with the gap is kept apart', syms: [sym('a', 0, 0), sym('b', 17, 0)], kinds: ['spread'] },
    { name: 'just clear of the gap stays single', syms: [sym('a', 0, 0), sym('b', 18, 0)], kinds: ['single', 'single'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const out = declutterSymbols(c.syms, { gap: 2, spreadMax: c.spreadMax ?? 8 });
      expect(out.map((l) => l.kind).sort()).toEqual([...c.kinds].sort());
      // Every symbol is accounted for exactly once.
      const ids = out.flatMap((l) => (l.kind === 'single' ? [l.id] : l.kind === 'spread' ? l.members.map((m) => m.id) : l.ids));
      expect(ids.sort()).toEqual(c.syms.map((s) => s.id).sort());
      // And nothing drawn overlaps anything else drawn.
      const d = drawn(out, c.syms);
      for (let i = 0; i < d.length; i++) for (let j = i + 1; j < d.length; j++) expect(Math.hypot(d[i].x - d[j].x, d[i].y - d[j].y)).toBeGreaterThanOrEqual(d[i].r + d[j].r - 1e-9);
    });

  it('a fanned-out member keeps its side: the eastern one is drawn east of the western one', () => {
    const out = declutterSymbols([sym('west', 0, 0), sym('east', 6, 0)]);
    const s = out[0];
    expect(s.kind).toBe('spread');
    if (s.kind !== 'spread') return;
    const x = (id: string) => s.members.find((m) => m.id === id)!.x;
    expect(x('east')).toBeGreaterThan(x('west'));
  });

  it('GP practices of one town, at borough scale, are all drawn without overlap', () => {
    // Four town-centre practices a few pixels apart and two sharing a building, symbols 14 to 32 px across.
    const syms = [sym('queens', 203, 98, 12), sym('tennant', 203, 99, 9), sym('alma', 196, 97, 8), sym('riverside', 199, 98, 16), sym('densham', 195, 117, 7), sym('dovecot', 195, 117, 10)];
    const out = declutterSymbols(syms, { gap: 2 });
    const d = drawn(out, syms);
    expect(d).toHaveLength(6);
    for (let i = 0; i < d.length; i++) for (let j = i + 1; j < d.length; j++) expect(Math.hypot(d[i].x - d[j].x, d[i].y - d[j].y)).toBeGreaterThanOrEqual(d[i].r + d[j].r);
  });

  it('ring radius: neighbours on the ring are exactly 2·rMax + gap apart', () => {
    for (const n of [2, 3, 5, 8]) {
      const rho = ringRadius(n, 10, 2);
      expect(2 * rho * Math.sin(Math.PI / n)).toBeCloseTo(22, 9);
    }
    expect(ringRadius(1, 10, 2)).toBe(0);
  });
});

describe('fitPadding', () => {
  const cases: [string, number, number, { h: number; v: number }][] = [
    ['a phone map keeps at least 20 px', 375, 300, { h: 30, v: 24 }],
    ['a tiny map keeps 20 px', 200, 150, { h: 20, v: 20 }],
    ['a laptop map is capped at 60 px', 1000, 900, { h: 60, v: 60 }],
    ['in between: 8%', 600, 500, { h: 48, v: 40 }],
  ];
  for (const [name, w, h, want] of cases)
    it(name, () => {
      expect(fitPadding(w, h)).toEqual({ top: want.v, bottom: want.v, left: want.h, right: want.h });
    });
});

describe('placeTier', () => {
  const cases: [string, 'town' | 'village' | null][] = [
    ['place_town', 'town'],
    ['place_city', 'town'],
    ['town', 'town'],
    ['place_village', 'village'],
    ['place_suburb', 'village'],
    ['place_hamlet', 'village'],
    ['place (GeoNames postal)', 'village'],
    ['ward', null],
    ['postcode_district', null],
    ['postcode_sector', null],
  ];
  for (const [type, tier] of cases) it(`${type} → ${tier}`, () => expect(placeTier(type)).toBe(tier));
});

describe('nearestPlaceSizes', () => {
  it('gives each small area’s residents to the nearest place', () => {
    const places: [number, number][] = [
      [-1.3, 54.56],
      [-1.35, 54.5],
    ];
    const areas: [number, number][] = [
      [-1.31, 54.57],
      [-1.29, 54.55],
      [-1.36, 54.51],
    ];
    expect(nearestPlaceSizes(places, areas, [1000, 1500, 700])).toEqual([2500, 700]);
  });
  it('no places: nothing to size', () => expect(nearestPlaceSizes([], [[0, 0]], [5])).toEqual([]));
});

describe('spreadBadges', () => {
  it.each([
    ['one badge stays', [[100, 100]], [[0, 0]]],
    ['far apart stay', [[0, 0], [100, 0]], [[0, 0], [0, 0]]],
    ['on top of each other: the second moves one size right', [[50, 50], [50, 50]], [[0, 0], [28, 0]]],
    ['three on one point line up', [[0, 0], [0, 0], [0, 0]], [[0, 0], [28, 0], [56, 0]]],
    ['touching at exactly one size apart do not move', [[0, 0], [28, 0]], [[0, 0], [0, 0]]],
    ['close diagonally moves until clear', [[0, 0], [10, 10]], [[0, 0], [28, 0]]],
  ] as const)('%s', (_name, points, offsets) => {
    expect(spreadBadges(points as unknown as [number, number][], 28)).toEqual(offsets);
  });
  it('no two badges overlap after spreading (many random points)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 60;
    const pts: [number, number][] = Array.from({ length: 12 }, () => [rnd(), rnd()]);
    const out = spreadBadges(pts, 28).map(([dx, dy], i) => [pts[i][0] + dx, pts[i][1] + dy]);
    for (let i = 0; i < out.length; i++) for (let j = 0; j < i; j++) expect(Math.hypot(out[i][0] - out[j][0], out[i][1] - out[j][1])).toBeGreaterThanOrEqual(28);
  });
});
