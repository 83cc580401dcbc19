import { useEffect } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import { GEOGRAPHY_IDS, type PlaceConfig } from '../../lib/core/types';
import { fillId, fillOpacity } from './areas';
import { mapUsable } from '../webgl';

export const BASEMAP_SOURCE = 'streets';

/** The optional online street basemap, added beneath the boundaries only when the user switches it on. */
export function basemapSource(place: PlaceConfig) {
  return {
    type: 'raster' as const,
    tiles: place.basemap.tiles,
    tileSize: 256,
    maxzoom: place.basemap.maxzoom,
    attribution: `<a href="${place.basemap.attributionUrl}" target="_blank" rel="noopener">${place.basemap.attribution}</a>`,
  };
}

export function BasemapLayer({ map }: { map: MlMap }) {
  const basemap = useStore((s) => s.basemap);
  const faint = useStore((s) => s.task === 'near');
  const place = useStore((s) => s.bundle!.place);
  useEffect(() => {
    if (!mapUsable(map)) return;
    if (basemap && !map.getSource(BASEMAP_SOURCE)) {
      map.addSource(BASEMAP_SOURCE, basemapSource(place));
      map.addLayer({ id: BASEMAP_SOURCE, type: 'raster', source: BASEMAP_SOURCE }, 'context-fill');
    } else if (!basemap && map.getSource(BASEMAP_SOURCE)) {
      map.removeLayer(BASEMAP_SOURCE);
      map.removeSource(BASEMAP_SOURCE);
    }
    // Fills thin out over streets so the streets show through.
    for (const g of GEOGRAPHY_IDS) map.setPaintProperty(fillId(g), 'fill-opacity', fillOpacity(basemap, faint));
    map.setPaintProperty('context-fill', 'fill-opacity', basemap ? 0.2 : 1);
  }, [map, basemap, faint, place]);
  // The tile server cannot be reached (offline, blocked, down): switch the street map off and say so.
  useEffect(() => {
    if (!basemap) return;
    let done = false;
    const onError = (e: object) => {
      if (done || (e as { sourceId?: string }).sourceId !== BASEMAP_SOURCE) return;
      done = true;
      useStore.getState().setShare({ basemap: false });
      useStore.getState().addMessage(BASEMAP_UNREACHABLE);
    };
    map.on('error', onError);
    return () => {
      map.off('error', onError);
    };
  }, [map, basemap]);
  return null;
}

export const BASEMAP_UNREACHABLE = 'The street map could not be reached; the built-in map is shown.';
