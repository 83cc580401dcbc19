/**
 * Screen-space layout for things drawn over the map as HTML: which labels fit without overlapping
 * (greedy, most important first), how overlapping point symbols are spread apart or grouped, and how
 * much padding to leave when fitting an area to a map of a given size. Pure: screen pixels in, layout out.
 */

/** An axis-aligned box in screen pixels; x, y is its top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label that may be drawn centred on (x, y), of measured size w × h. Lower priority numbers go first. */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  priority: number;
  /** Within one priority, bigger places first (residents, say). */
  size: number;
  /**
   * Where the label's centre may go, as offsets from (x, y) tried in turn (for example centred, then above,
   * below, right, left of the point); centred only if not given.
   */
  offsets?: readonly (readonly [number, number])[];
}

export interface PlaceLabelsOptions {
  /** The visible map, in pixels: labels must lie wholly inside it. */
  width: number;
  height: number;
  /** Space kept clear around each label, in pixels. */
  padding?: number;
  /** Boxes no label may cover (map controls, say). */
  blocked?: readonly Box[];
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Candidates in the order the greedy placement considers them: priority, then size (bigger first), then id. */
export function labelOrder(cands: readonly LabelCandidate[]): LabelCandidate[] {
  return [...cands].sort((a, b) => a.priority - b.priority || b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Offsets for a label of w × h beside a point: centred first, then for each gap in turn (nearest first)
 * above, below, right, left and the four corners, that many pixels clear of the point.
 */
export function besideOffsets(w: number, h: number, gaps: readonly number[]): [number, number][] {
  const out: [number, number][] = [[0, 0]];
  for (const g of gaps) {
    const dx = w / 2 + g;
    const dy = h / 2 + g;
    out.push([0, -dy], [0, dy], [dx, 0], [-dx, 0], [dx, -dy], [-dx, -dy], [dx, dy], [-dx, dy]);
  }
  return out;
}

const CENTRED: readonly (readonly [number, number])[] = [[0, 0]];

/**
 * Greedy label placement: in priority order, a label is shown at the first of its offsets where it lies wholly
 * inside the map and its box (grown by `padding`) overlaps no label already shown and no blocked box.
 * Returns the shown labels' ids with the offset each was placed at. Quadratic in the number shown, which is
 * fine for the few hundred labels a map like this has.
 */
export function placeLabels(cands: readonly LabelCandidate[], opts: PlaceLabelsOptions): Map<string, [number, number]> {
  const pad = opts.padding ?? 2;
  const placed: Box[] = [...(opts.blocked ?? [])];
  const shown = new Map<string, [number, number]>();
  for (const c of labelOrder(cands)) {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y) || c.w <= 0 || c.h <= 0) continue;
    for (const [dx, dy] of c.offsets ?? CENTRED) {
      const box: Box = { x: c.x + dx - c.w / 2 - pad, y: c.y + dy - c.h / 2 - pad, w: c.w + 2 * pad, h: c.h + 2 * pad };
      if (box.x + pad < 0 || box.y + pad < 0 || box.x + box.w - pad > opts.width || box.y + box.h - pad > opts.height) continue;
      if (placed.some((p) => boxesOverlap(p, box))) continue;
      placed.push(box);
      shown.set(c.id, [dx, dy]);
      break;
    }
  }
  return shown;
}

/* ------------------------------------------------------------------------------------------------ */

/** A round point symbol at (x, y) of radius r pixels. Bigger weights lead a spread group. */
export interface PointSymbol {
  id: string;
  x: number;
  y: number;
  r: number;
  weight: number;
}

export type SymbolLayout =
  /** Drawn where it is. */
  | { kind: 'single'; id: string; x: number; y: number }
  /** A few symbols that would overlap, fanned out on a ring around (x, y); each member's button centre given. */
  | { kind: 'spread'; x: number; y: number; members: { id: string; x: number; y: number }[] }
  /** Too many to fan out: one group symbol at (x, y) standing for `ids`, which a click should zoom to. */
  | { kind: 'cluster'; x: number; y: number; ids: string[] };

export interface DeclutterOptions {
  /** Clear space between symbols, in pixels. */
  gap?: number;
  /** Groups up to this size are fanned out; bigger ones become one cluster symbol. */
  spreadMax?: number;
  /** The radius of a cluster symbol, in pixels. */
  clusterRadius?: number;
}

/**
 * Ring radius that fans n symbols (largest radius rMax) evenly round a circle with `gap` between neighbours:
 * neighbouring centres are a chord 2ρ·sin(π/n) apart, which must be at least 2·rMax + gap.
 */
export function ringRadius(n: number, rMax: number, gap: number): number {
  if (n < 2) return 0;
  return (2 * rMax + gap) / (2 * Math.sin(Math.PI / n));
}

interface Group {
  members: PointSymbol[];
  x: number;
  y: number;
  /** Radius of the disc the group's drawing takes up. */
  R: number;
}

/**
 * Declutters point symbols in screen space so that no two overlap and each can be clicked. Symbols whose
 * discs overlap are merged into a group (repeatedly, since a fanned-out group takes more room and may then
 * touch another); a group of up to `spreadMax` is fanned out on a ring around its centre, keeping each
 * member on the side of the centre where it really lies; a bigger group becomes one cluster symbol.
 */
export function declutterSymbols(symbols: readonly PointSymbol[], opts: DeclutterOptions = {}): SymbolLayout[] {
  const gap = opts.gap ?? 2;
  const spreadMax = opts.spreadMax ?? 8;
  const clusterR = opts.clusterRadius ?? 16;
  const discOf = (members: PointSymbol[], x: number, y: number): Group => {
    if (members.length === 1) return { members, x, y, R: members[0].r };
    if (members.length > spreadMax) return { members, x, y, R: clusterR };
    const rMax = Math.max(...members.map((m) => m.r));
    return { members, x, y, R: ringRadius(members.length, rMax, gap) + rMax };
  };
  let groups: Group[] = symbols.filter((s) => Number.isFinite(s.x) && Number.isFinite(s.y)).map((s) => discOf([s], s.x, s.y));
  for (;;) {
    let merged = false;
    outer: for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.R + b.R + gap) {
          const members = [...a.members, ...b.members];
          const x = members.reduce((s, m) => s + m.x, 0) / members.length;
          const y = members.reduce((s, m) => s + m.y, 0) / members.length;
          groups = [...groups.slice(0, i), ...groups.slice(i + 1, j), ...groups.slice(j + 1), discOf(members, x, y)];
          merged = true;
          break outer;
        }
      }
    if (!merged) break;
  }
  return groups.map((g): SymbolLayout => {
    if (g.members.length === 1) return { kind: 'single', id: g.members[0].id, x: g.members[0].x, y: g.members[0].y };
    if (g.members.length > spreadMax) return { kind: 'cluster', x: g.x, y: g.y, ids: g.members.map((m) => m.id).sort() };
    const rho = ringRadius(g.members.length, Math.max(...g.members.map((m) => m.r)), gap);
    // Each member keeps its own bearing from the centre where it can; symbols at one point share it, in weight order.
    const angle = (m: PointSymbol) => (Math.hypot(m.x - g.x, m.y - g.y) < 1e-6 ? -Math.PI / 2 : Math.atan2(m.y - g.y, m.x - g.x));
    const order = [...g.members].sort((a, b) => angle(a) - angle(b) || b.weight - a.weight || (a.id < b.id ? -1 : 1));
    const start = angle(order[0]);
    const step = (2 * Math.PI) / order.length;
    return {
      kind: 'spread',
      x: g.x,
      y: g.y,
      members: order.map((m, k) => ({ id: m.id, x: g.x + rho * Math.cos(start + k * step), y: g.y + rho * Math.sin(start + k * step) })),
    };
  });
}

/* ------------------------------------------------------------------------------------------------ */

/**
 * Padding for fitting an area to a map of width × height pixels: 8% of each side, at least 20 px and at
 * most 60 px, so a ward fits with room to spare on a phone as on a laptop.
 */
export function fitPadding(width: number, height: number): { top: number; bottom: number; left: number; right: number } {
  const side = (n: number) => Math.round(Math.min(60, Math.max(20, n * 0.08)));
  const h = side(width);
  const v = side(height);
  return { top: v, bottom: v, left: h, right: h };
}

/* ------------------------------------------------------------------------------------------------ */

/** How important a gazetteer entry is as a map label; null if it is not a place name (postcode, ward). */
export type PlaceTier = 'town' | 'village';

/**
 * A gazetteer type as a tier: towns and cities first; villages, suburbs, hamlets and other named places next.
 * Postcode districts and sectors and wards are not place labels (wards come from the boundaries).
 */
export function placeTier(type: string): PlaceTier | null {
  const t = type.toLowerCase();
  if (t.includes('postcode') || t === 'ward') return null;
  if (/\b(city|town)\b|_(city|town)\b/.test(t)) return 'town';
  if (/village|suburb|hamlet|locality|neighbourhood|place/.test(t)) return 'village';
  return null;
}

/**
 * A size for each place: the residents of the small areas whose centre is nearer that place than any other
 * (a stand-in for population where the gazetteer gives none). Points are [lon, lat]; distance is
 * equirectangular, which is plenty at the scale of one borough.
 */
export function nearestPlaceSizes(places: readonly [number, number][], areas: readonly [number, number][], residents: readonly number[]): number[] {
  const out = places.map(() => 0);
  if (places.length === 0) return out;
  for (let i = 0; i < areas.length; i++) {
    const [lon, lat] = areas[i];
    const k = Math.cos((lat * Math.PI) / 180);
    let best = 0;
    let bestD = Infinity;
    for (let p = 0; p < places.length; p++) {
      const dx = (places[p][0] - lon) * k;
      const dy = places[p][1] - lat;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    out[best] += residents[i] ?? 0;
  }
  return out;
}

/**
 * Offsets (pixels) that keep round badges of a given size apart: each badge, in order, moves right
 * in steps of its size until it no longer overlaps one placed before it. The first never moves.
 */
export function spreadBadges(points: readonly [number, number][], size: number): [number, number][] {
  const placed: [number, number][] = [];
  return points.map(([x, y]) => {
    let dx = 0;
    while (placed.some(([px, py]) => Math.hypot(x + dx - px, y - py) < size)) dx += size;
    placed.push([x + dx, y]);
    return [dx, 0];
  });
}
