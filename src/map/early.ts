import { webglSupported } from './webgl';

/**
 * The map's code, asked for first of all (main.tsx imports this module before anything else): the page has
 * preloaded it, and asking now lets it be evaluated as soon as the app's own code has run, before the first
 * render, rather than when the map area's module is reached. Without WebGL2 it is never asked for.
 */
export type MapViewModule = typeof import('./MapView');
export const WEBGL = webglSupported();
let loaded: MapViewModule | null = null;
let pending: Promise<MapViewModule> | null = null;
/** The map's module, once (again after a failed download). */
export function loadMapView(): Promise<MapViewModule> {
  pending ??= import('./MapView').then(
    (m) => (loaded = m),
    (e: unknown) => {
      pending = null;
      throw e;
    },
  );
  return pending;
}
/** The map's module if it has already arrived. */
export const mapViewLoaded = (): MapViewModule | null => loaded;
if (WEBGL) loadMapView().catch(() => undefined);
