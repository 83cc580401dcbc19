import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/** One family of map layers, declared as data: its sources and its layers, in drawing order. */
export interface LayerFamily {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

export const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
