import type { Map as MlMap } from 'maplibre-gl';

/**
 * Whether map methods that reach into the style can be called now: not after the map was removed, and not
 * while its WebGL context is lost (MapLibre drops the style then, so setLayoutProperty, getSource and the
 * like would throw). Layer effects return early when it is false; the map is rebuilt once the context is back.
 */
export function mapUsable(map: MlMap): boolean {
  return !!map.style && !(map as unknown as { _removed?: boolean })._removed;
}

/** The message shown in the map area when the map cannot be shown; the rest of the app works without it. */
export const MAP_UNAVAILABLE = 'This device cannot show the map; everything else works.';
export const MAP_UNAVAILABLE_HINT = 'To see the map, try another browser, or turn on hardware acceleration (graphics acceleration) in your browser’s settings.';
export const MAP_CONTEXT_LOST = 'The map lost its graphics context; trying to restore it…';
