import { lazyNow } from '../ui/lazyNow';
import { webglSupported } from './webgl';

/**
 * The map's code, asked for first of all (main.tsx imports this module before anything else): the page has
 * preloaded it, and asking now lets it be evaluated as soon as the app's own code has run, before the first
 * render, rather than when the map area's module is reached. Without WebGL2 it is never asked for.
 */
export const WEBGL = webglSupported();
export const mapView = lazyNow(() => import('./MapView').then((m) => m.default));
if (WEBGL) mapView.preload();
