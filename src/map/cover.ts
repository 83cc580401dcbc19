import { useEffect } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import type { Box } from '../lib/labels/placement';

/**
 * On a phone the task panel is a bottom sheet laid over the map. This finds how much of the map's bottom
 * edge it covers (0 on a laptop, where the panel sits beside the map), so the camera, the labels and the
 * map's controls can keep to the part of the map a person can see.
 */
export function coveredBottom(map: MlMap): number {
  const panel = document.querySelector('.panel');
  if (!panel) return 0;
  const m = map.getContainer().getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  // Only an overlay across (most of) the map's width, rising from its bottom edge, counts.
  const across = Math.min(m.right, p.right) - Math.max(m.left, p.left) >= m.width * 0.9;
  if (!across || p.height === 0 || p.top >= m.bottom || p.bottom < m.bottom - 1) return 0;
  return Math.max(0, Math.min(m.height, m.bottom - p.top));
}

/** The covered strip as a box in map pixels, for the label placement to avoid; null when nothing covers the map. */
export function coveredBox(map: MlMap): Box | null {
  const b = coveredBottom(map);
  if (b <= 0) return null;
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  return { x: 0, y: h - b, w, h: b };
}

/**
 * Keeps the map's bottom controls (scale, attribution) above a bottom sheet, through the CSS variable
 * --map-cover-bottom on the map container (see map.css), updated when the window or the panel changes size.
 */
export function useCoverInset(map: MlMap) {
  useEffect(() => {
    const apply = () => map.getContainer().style.setProperty('--map-cover-bottom', `${coveredBottom(map)}px`);
    apply();
    const ro = new ResizeObserver(apply);
    const panel = document.querySelector('.panel');
    if (panel) ro.observe(panel);
    ro.observe(map.getContainer());
    return () => ro.disconnect();
  }, [map]);
}
