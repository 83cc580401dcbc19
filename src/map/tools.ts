import { useEffect } from 'react';
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { useStore } from '../store';
import { fillId } from './layers/areas';
import { ASSET_CLUSTER_LAYER } from './layers/assets';
import { mapUsable } from './webgl';

/**
 * Map interactions: exactly one click handler, which does what the active tool says
 * (store.tool; null means "pick an area to see its profile"). Domain work happens in store actions.
 */
export function useMapTools(map: MlMap) {
  const kind = useStore((s) => s.tool?.kind ?? null);

  useEffect(() => {
    const idAt = (e: MapMouseEvent, layer: string) => {
      if (!mapUsable(map) || !map.getLayer(layer)) return null;
      const f = map.queryRenderedFeatures(e.point, { layers: [layer] })[0];
      // Assets carry their own id as a property (the feature id is only their place in the source).
      return f ? f.properties?.id ?? f.id ?? null : null;
    };
    const onClick = (e: MapMouseEvent) => {
      const st = useStore.getState();
      const p: [number, number] = [e.lngLat.lng, e.lngLat.lat];
      switch (st.tool?.kind) {
        case 'draw-area':
        case 'site-boundary':
          return st.addToolPoint(p);
        case 'pick-point':
        case 'site-pin':
          return void st.pickPoint(p);
        case 'pick-areas':
          if (st.geography === 'lsoa') {
            const code = idAt(e, fillId('lsoa'));
            if (code != null) st.toggleDraftLsoa(st.bundle!.areas.lsoa.codes.indexOf(String(code)));
            return;
          }
          break;
      }
      // No tool: a cluster of assets zooms in until it splits; an asset opens its details, an area its profile.
      const cluster = mapUsable(map) && map.getLayer(ASSET_CLUSTER_LAYER) ? map.queryRenderedFeatures(e.point, { layers: [ASSET_CLUSTER_LAYER] })[0] : undefined;
      if (cluster && cluster.geometry.type === 'Point') {
        const center = cluster.geometry.coordinates as [number, number];
        void (map.getSource('assets') as GeoJSONSource)
          .getClusterExpansionZoom(Number(cluster.properties?.cluster_id))
          .then((zoom) => map.easeTo({ center, zoom: Math.min(zoom, map.getMaxZoom()), duration: 400 }));
        return;
      }
      const asset = idAt(e, 'assets');
      if (asset != null) st.setSelectedAsset(String(asset));
      const area = idAt(e, fillId(st.geography));
      if (area != null) st.selectArea(st.geography, String(area), false);
    };
    const onDbl = (e: MapMouseEvent) => {
      const k = useStore.getState().tool?.kind;
      if (k !== 'draw-area' && k !== 'site-boundary') return;
      e.preventDefault();
      void useStore.getState().finishTool();
    };
    map.on('click', onClick);
    map.on('dblclick', onDbl);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDbl);
    };
  }, [map]);

  // Drawing and point tools take the crosshair, and a double click closes a shape instead of zooming.
  useEffect(() => {
    const drawing = kind === 'draw-area' || kind === 'site-boundary';
    if (drawing) map.doubleClickZoom.disable();
    if (kind && kind !== 'pick-areas') map.getCanvas().style.cursor = 'crosshair';
    return () => {
      if (drawing) map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = '';
    };
  }, [map, kind]);
}
