import { useEffect } from 'react';
import { Marker, type Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import type { GazetteerEntry, IndicatorBundle } from '../../lib/core/types';
import { besideOffsets, nearestPlaceSizes, placeLabels, placeTier, type Box, type LabelCandidate } from '../../lib/labels/placement';
import { coveredBox } from '../cover';
import { obstacles, onObstacles } from '../obstacles';
import { useFirstViewDrawn } from '../../data/firstView';

/** Labels and markers drawn as HTML, so they render offline with no glyph server. */
function marker(map: MlMap, lonLat: [number, number], className: string, text = '', label?: string): Marker {
  const el = document.createElement('div');
  el.className = className;
  el.textContent = text;
  if (label) {
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', label);
  } else el.setAttribute('aria-hidden', 'true');
  return new Marker({ element: el }).setLngLat(lonLat).addTo(map);
}

type LabelTier = 'town' | 'village' | 'ward';
const PRIORITY: Record<LabelTier, number> = { town: 0, village: 1, ward: 2 };
/**
 * The gazetteer's GeoNames places carry no population and no town/village type, so a place's size is
 * estimated from the data: the residents of the wards named after it ("<Town> Central", "<Town> North" …), or of
 * the small areas nearer to it than to any other place, whichever is more. The second is not used where
 * several names share one point (GeoNames gives some villages only their postcode district's point).
 * A place of at least this many residents is labelled as a town.
 */
const TOWN_RESIDENTS = 14000;
/** A place named by at least this many wards is labelled at their centre rather than at its coarse GeoNames point. */
const WARDS_TO_MOVE = 3;
/** Ward names appear once the map is this many zoom levels closer than the whole-borough view. */
const WARD_ZOOM_STEP = 0.9;

interface PlaceLabel {
  id: string;
  name: string;
  lonLat: [number, number];
  tier: LabelTier;
  size: number;
  /** Outside the borough: drawn muted. */
  outside: boolean;
}

/** The first word of a place name ("Market" of "Market-on-Sea"), for matching ward names. */
const stem = (name: string) => name.split(/[\s-]/)[0].toLowerCase();

/** Town and village names from the gazetteer, and ward names at their label points, each with a size for ordering. */
export function placeLabelList(bundle: IndicatorBundle, gazetteer: readonly GazetteerEntry[]): PlaceLabel[] {
  const places = gazetteer.flatMap((g) => {
    const tier = placeTier(g.type);
    return tier ? [{ g, tier }] : [];
  });
  const lsoa = bundle.areas.lsoa;
  const wards = bundle.areas.ward;
  const nearest = nearestPlaceSizes(
    places.map(({ g }) => [g.lon, g.lat]),
    lsoa.label,
    lsoa.residents,
  );
  const pointKey = (g: GazetteerEntry) => `${g.lon},${g.lat}`;
  const shared = new Map<string, number>();
  for (const { g } of places) shared.set(pointKey(g), (shared.get(pointKey(g)) ?? 0) + 1);
  const out = places.map(({ g, tier }, i): PlaceLabel & { point: string; moved: boolean } => {
    const named = wards.names.flatMap((n, w) => (n.toLowerCase().split(/[\s-]/)[0] === stem(g.name) ? [w] : []));
    const wardResidents = named.reduce((s, w) => s + wards.residents[w], 0);
    const size = Math.max(wardResidents, shared.get(pointKey(g))! > 1 ? 0 : nearest[i]);
    let lonLat: [number, number] = [g.lon, g.lat];
    if (named.length >= WARDS_TO_MOVE) {
      const at = (k: 0 | 1) => named.reduce((s, w) => s + wards.label[w][k] * wards.residents[w], 0) / wardResidents;
      lonLat = [at(0), at(1)];
    }
    return { id: `place:${g.name}:${i}`, name: g.name, lonLat, tier: tier === 'town' || size >= TOWN_RESIDENTS ? 'town' : 'village', size, outside: g.ward < 0, point: pointKey(g), moved: named.length >= WARDS_TO_MOVE };
  });
  // Of several names on one (postcode district) point, only the biggest is shown: the point is not really any of them.
  const best = new Map<string, (typeof out)[number]>();
  for (const l of out) if (!l.moved && (!best.has(l.point) || l.size > best.get(l.point)!.size)) best.set(l.point, l);
  const kept: PlaceLabel[] = out.filter((l) => l.moved || best.get(l.point) === l).map(({ point: _p, moved: _m, ...l }) => l);
  wards.codes.forEach((code, i) => kept.push({ id: `ward:${code}`, name: wards.names[i], lonLat: wards.label[i], tier: 'ward', size: wards.residents[i], outside: false }));
  return kept;
}

/** Boxes of the map's own controls (zoom buttons, scale, attribution), relative to the map, which no label may cover. */
function controlBoxes(map: MlMap): Box[] {
  const c = map.getContainer().getBoundingClientRect();
  return [...map.getContainer().querySelectorAll('.maplibregl-ctrl')].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - c.left, y: r.top - c.top, w: r.width, h: r.height };
  });
}

/**
 * Place names: towns and villages from the gazetteer at every zoom, ward names once zoomed in, placed so that
 * none overlaps another (towns first, then villages, then wards; bigger first) and recomputed when the map
 * stops moving. Also individual champions as counts per ward, and the "Near here" point.
 */
export function LabelsLayer({ map }: { map: MlMap }) {
  const bundle = useStore((s) => s.bundle)!;
  const gazetteer = useStore((s) => s.gazetteer);
  const userHubs = useStore((s) => s.userHubs);
  const task = useStore((s) => s.task);
  const championsOn = useStore((s) => s.layers.includes('champion_org')) && task === 'near';
  const nearPoint = useStore((s) => s.nearPoint);
  // Names are placed once the first view is drawn: measuring and placing them need not delay the first map.
  const firstDrawn = useFirstViewDrawn();

  useEffect(() => {
    if (!firstDrawn) return;
    const labels = placeLabelList(bundle, gazetteer);
    const items = labels.map((l) => {
      const m = marker(map, l.lonLat, `map-place-label is-${l.tier}${l.outside ? ' is-outside' : ''}`, l.name);
      return { l, m, el: m.getElement(), w: 0, h: 0 };
    });
    // Widths measured once, all together (one layout).
    for (const it of items) {
      it.w = it.el.offsetWidth;
      it.h = it.el.offsetHeight;
    }
    const boroughZoom = map.cameraForBounds(bundle.place.bounds, { padding: 20 })?.zoom ?? 10;
    const place = () => {
      const { clientWidth: width, clientHeight: height } = map.getContainer();
      const wardsOn = map.getZoom() >= boroughZoom + WARD_ZOOM_STEP;
      const cands: LabelCandidate[] = [];
      for (const it of items) {
        if (it.l.tier === 'ward' && !wardsOn) continue;
        const p = map.project(it.l.lonLat);
        // Places outside the borough give way to every place inside it.
        // Names in the borough may sit beside their point when something is on it (towns further); others stay centred.
        const offsets = it.l.tier === 'ward' || it.l.outside ? undefined : besideOffsets(it.w, it.h, it.l.tier === 'town' ? [6, 24, 48] : [6, 16]);
        cands.push({ id: it.l.id, x: p.x, y: p.y, w: it.w, h: it.h, priority: PRIORITY[it.l.tier] + (it.l.outside ? 1.5 : 0), size: it.l.size, offsets });
      }
      const cover = coveredBox(map);
      const blocked = [...controlBoxes(map), ...obstacles(), ...(cover ? [cover] : [])];
      const shown = placeLabels(cands, { width, height, padding: 3, blocked });
      for (const it of items) {
        const at = shown.get(it.l.id);
        it.el.style.display = at ? '' : 'none';
        if (at) it.m.setOffset(at);
      }
    };
    place();
    map.on('moveend', place);
    map.on('resize', place);
    const unsubscribe = onObstacles(place);
    return () => {
      unsubscribe();
      map.off('moveend', place);
      map.off('resize', place);
      items.forEach((it) => it.m.remove());
    };
  }, [map, bundle, gazetteer, firstDrawn]);

  // Counts are drawn at the ward's label point, never where people are.
  useEffect(() => {
    if (!userHubs || !championsOn) return;
    const wards = bundle.areas.ward;
    const markers = Object.entries(userHubs.championCounts).flatMap(([code, n]) => {
      const i = wards.codes.indexOf(code);
      if (i < 0 || n <= 0) return [];
      return [marker(map, wards.label[i], 'champion-count', `${n}`, `${n} community champion${n === 1 ? '' : 's'} in ${wards.names[i]} ward`)];
    });
    return () => markers.forEach((m) => m.remove());
  }, [map, userHubs, championsOn, bundle]);

  useEffect(() => {
    if (!nearPoint) return;
    const m = marker(map, [nearPoint.lon, nearPoint.lat], 'near-marker');
    return () => void m.remove();
  }, [map, nearPoint]);
  return null;
}
