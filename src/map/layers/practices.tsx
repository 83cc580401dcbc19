import { useEffect, useState } from 'react';
import { Marker, type Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import { usePracticeValues } from '../../data/usePractices';
import { CATEGORY_STYLE } from '../../lib/indicators/benchmark';
import { formatNumber, formatValue } from '../../lib/core/format';
import { PRACTICE_GLYPH, practiceSymbolSize } from '../../ui/icons';
import { declutterSymbols, fitPadding, type Box } from '../../lib/labels/placement';
import { setObstacles } from '../obstacles';
import { coveredBottom } from '../cover';

type Tip = { x: number; y: number; code: string };

/** A practice's symbol on the map, its true place, and the leader line drawn when it is fanned out. */
interface PracticeMarker {
  code: string;
  lonLat: [number, number];
  size: number;
  listSize: number;
  el: HTMLButtonElement;
  leader: HTMLSpanElement;
  marker: Marker;
}

/** Shows a practice's symbol `dx, dy` pixels from its true place, with a leader line back to it when moved. */
function showAt(m: PracticeMarker, dx: number, dy: number) {
  m.el.style.display = '';
  m.marker.setOffset([dx, dy]);
  const len = Math.hypot(dx, dy);
  const r = m.size / 2;
  if (len <= r + 1) {
    m.leader.style.display = 'none';
    return;
  }
  Object.assign(m.leader.style, { display: '', width: `${len - r}px`, transform: `rotate(${Math.atan2(-dy, -dx)}rad) translateX(${r}px)` });
}

/**
 * GP practices (QOF): HTML symbols (focusable, labelled in words), coloured by comparison with England, in the
 * explore and near tasks. Symbols that would overlap at the current zoom are fanned out round their centre
 * with a leader line to where each really is; a crowd too big to fan out becomes one "N GP practices here"
 * button that zooms to them and fans them all out. Laid out again whenever the map stops moving.
 */
export function PracticesLayer({ map }: { map: MlMap }) {
  const on = useStore((s) => s.layers.includes('qof') && (s.task === 'explore' || s.task === 'near'));
  const pv = usePracticeValues();
  const [tip, setTip] = useState<Tip | null>(null);
  useEffect(() => {
    if (!on || !pv) return;
    const year = pv.ind.qof?.year ?? '';
    const maxList = Math.max(...pv.rows.map((r) => r.practice.listSize[year] ?? 0), 1);
    const tipAt = (el: HTMLElement, code: string) => {
      const c = map.getContainer().getBoundingClientRect();
      const r = el.getBoundingClientRect();
      setTip({ x: r.left + r.width / 2 - c.left, y: r.top + r.height / 2 - c.top, code });
    };
    const practices: PracticeMarker[] = pv.rows.flatMap(({ practice: p, v }) => {
      if (p.lon == null || p.lat == null) return [];
      const cat = v?.category ?? 'NotCompared';
      const el = document.createElement('button');
      el.type = 'button';
      el.className = 'practice-symbol';
      const size = practiceSymbolSize(p.listSize[year] ?? 0, maxList);
      Object.assign(el.style, { width: `${size}px`, height: `${size}px`, background: CATEGORY_STYLE[cat].fill ?? '#ffffff', color: CATEGORY_STYLE[cat].text });
      el.textContent = PRACTICE_GLYPH[cat];
      el.setAttribute('aria-label', `${p.name}: ${CATEGORY_STYLE[cat].words} for ${pv.ind.label}`);
      el.dataset.practice = p.code;
      const leader = document.createElement('span');
      leader.className = 'practice-leader';
      leader.setAttribute('aria-hidden', 'true');
      leader.style.display = 'none';
      el.append(leader);
      el.addEventListener('mouseenter', () => tipAt(el, p.code));
      el.addEventListener('focus', () => tipAt(el, p.code));
      el.addEventListener('mouseleave', () => setTip(null));
      el.addEventListener('blur', () => setTip(null));
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        useStore.getState().setShare({ practice: p.code });
      });
      const lonLat: [number, number] = [p.lon, p.lat];
      return [{ code: p.code, lonLat, size, listSize: p.listSize[year] ?? 0, el, leader, marker: new Marker({ element: el }).setLngLat(lonLat).addTo(map) }];
    });
    const byCode = new Map(practices.map((m) => [m.code, m]));

    let clusters: Marker[] = [];
    // After a cluster is opened, every group is fanned out (so each practice can be clicked after that one
    // click) until the map is zoomed out beyond where the click took it.
    let expandedAt: number | null = null;
    let expanding = false;
    const layout = () => {
      if (expanding) {
        expanding = false;
        expandedAt = map.getZoom();
      } else if (expandedAt !== null && map.getZoom() < expandedAt - 0.01) expandedAt = null;
      clusters.forEach((c) => c.remove());
      clusters = [];
      const at = new Map(practices.map((m) => [m.code, map.project(m.lonLat)]));
      const layouts = declutterSymbols(
        practices.map((m) => ({ id: m.code, x: at.get(m.code)!.x, y: at.get(m.code)!.y, r: m.size / 2, weight: m.listSize })),
        { gap: 2, spreadMax: expandedAt !== null ? Infinity : 8, clusterRadius: 16 },
      );
      const boxes: Box[] = [];
      const taken = (x: number, y: number, r: number) => boxes.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
      for (const l of layouts) {
        if (l.kind === 'single') {
          showAt(byCode.get(l.id)!, 0, 0);
          taken(l.x, l.y, byCode.get(l.id)!.size / 2);
        } else if (l.kind === 'spread')
          for (const s of l.members) {
            showAt(byCode.get(s.id)!, s.x - at.get(s.id)!.x, s.y - at.get(s.id)!.y);
            taken(s.x, s.y, byCode.get(s.id)!.size / 2);
          }
        else {
          taken(l.x, l.y, 16);
          const members = l.ids.map((id) => byCode.get(id)!);
          for (const m of members) m.el.style.display = 'none';
          const el = document.createElement('button');
          el.type = 'button';
          el.className = 'practice-cluster';
          el.textContent = String(members.length);
          el.setAttribute('aria-label', `${members.length} GP practices here: zoom in`);
          el.addEventListener('click', (e) => {
            e.stopPropagation();
            const lons = members.map((m) => m.lonLat[0]);
            const lats = members.map((m) => m.lonLat[1]);
            const { clientWidth: w, clientHeight: h } = map.getContainer();
            const cover = coveredBottom(map);
            // Room for the fanned-out symbols around the practices, above any bottom sheet.
            const pad = fitPadding(w, h - cover);
            const padding = { top: pad.top + 30, left: pad.left + 30, right: pad.right + 30, bottom: pad.bottom + 30 + cover };
            expanding = true;
            map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], { padding, maxZoom: map.getMaxZoom(), duration: 400 });
          });
          clusters.push(new Marker({ element: el }).setLngLat(map.unproject([l.x, l.y])).addTo(map));
        }
      }
      setObstacles('practices', boxes);
    };
    layout();
    map.on('moveend', layout);
    map.on('resize', layout);
    return () => {
      map.off('moveend', layout);
      map.off('resize', layout);
      practices.forEach((m) => m.marker.remove());
      clusters.forEach((c) => c.remove());
      setObstacles('practices', []);
      setTip(null);
    };
  }, [map, on, pv]);

  const row = tip && pv ? pv.rows.find((r) => r.practice.code === tip.code) : undefined;
  if (!tip || !row || !pv) return null;
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: tip.x + 14, top: tip.y + 14 }}>
      <strong>{row.practice.name}</strong>
      <span>List size {formatNumber(row.practice.listSize[pv.ind.qof?.year ?? ''], 0)}</span>
      <span>
        {pv.ind.label} {pv.ind.qof?.year}: {formatNumber(row.v?.numerator, 0)} of {formatNumber(row.v?.denominator, 0)} = {formatValue(row.v?.value, pv.ind)} (95% CI{' '}
        {formatNumber(row.v?.lower, 1)}–{formatNumber(row.v?.upper, 1)})
      </span>
      <span>
        England {formatValue(pv.ind.england?.value, pv.ind)} · {CATEGORY_STYLE[row.v?.category ?? 'NotCompared'].words}
      </span>
      <span className="sub">Located by postcode (OS Code-Point Open centroid)</span>
    </div>
  );
}
