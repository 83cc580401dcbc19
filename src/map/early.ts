import { lazyNow } from '../ui/lazyNow';

/**
 * The map's code, asked for first of all (main.tsx imports this module before anything else): the page has
 * preloaded it, and asking now lets it be evaluated as soon as the app's own code has run, rather than when
 * the map area first renders. Whether this device can show a map is not probed here: making the map is the
 * check (MapLibre throws GPUInitializationError without WebGL2, see MapView); a separate probe cost a second
 * WebGL context on the way to the first view (~25 ms with software WebGL).
 */
export const mapView = lazyNow(() => import('./MapView').then((m) => m.default));
mapView.preload();
