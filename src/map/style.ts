import type { StyleSpecification } from 'maplibre-gl';
import type { GeographyId, TileManifest } from '../lib/core/types';
import { areasFamily, withSourceLayers } from './layers/areas';
import { draftFamily, drawFamily } from './layers/draft';
import { siteFamily } from './layers/site';
import { assetsFamily } from './layers/assets';
import { comparisonFamily } from './layers/comparison';

/**
 * The whole style, from each layer family's declaration, in drawing order. It makes no network
 * request: a plain background, boundaries from the app's own files, and labels drawn as HTML.
 */
export function buildStyle(dataUrl: (f: string) => string, active: GeographyId, tiles?: TileManifest): StyleSpecification {
  const families = [areasFamily(dataUrl, active, tiles), draftFamily(), siteFamily(), comparisonFamily(), drawFamily(), assetsFamily()];
  return {
    version: 8,
    sources: Object.assign({}, ...families.map((f) => f.sources)),
    layers: withSourceLayers(families.flatMap((f) => f.layers), tiles),
  };
}
