import { useEffect, useState } from 'react';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import { useAllAssets, isShown } from '../../data/useAssets';
import { ASSET_CATEGORY_IDS, type AssetCategory } from '../../lib/assets/categories';
import { assetIconDataUrl } from '../../ui/icons';
import { EMPTY_COLLECTION, type LayerFamily } from '../types';

/** Community assets: one symbol layer whose icons differ in shape and colour; categories switch by filter. */
export function assetsFamily(): LayerFamily {
  return {
    sources: { assets: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
    layers: [
      {
        id: 'assets',
        type: 'symbol',
        source: 'assets',
        // Overlapping symbols are decluttered until zoom 14, then all drawn.
        layout: { 'icon-image': ['concat', 'asset-', ['get', 'category']], 'icon-allow-overlap': ['step', ['zoom'], false, 14, true], 'icon-padding': 1 },
        paint: { 'icon-opacity': ['case', ['get', 'inBorough'], 1, 0.55] },
        filter: ['==', ['get', 'id'], ''],
      },
    ],
  };
}

function loadIcon(map: MlMap, category: AssetCategory): Promise<void> {
  return new Promise((resolve, reject) => {
    const img = new Image(18, 18);
    img.onload = () => {
      if (!map.hasImage(`asset-${category}`)) map.addImage(`asset-${category}`, img);
      resolve();
    };
    img.onerror = () => reject(new Error(`icon ${category}`));
    img.src = assetIconDataUrl(category, 18);
  });
}

export function AssetsLayer({ map }: { map: MlMap }) {
  const all = useAllAssets();
  const layers = useStore((s) => s.layers);
  const showClosed = useStore((s) => s.showClosed);
  const [iconsReady, setIconsReady] = useState(false);

  // Icons first: the source stays empty until every icon it names exists.
  useEffect(() => {
    let cancelled = false;
    void Promise.all(ASSET_CATEGORY_IDS.map((c) => loadIcon(map, c))).then(() => !cancelled && setIconsReady(true));
    const pointer = () => (map.getCanvas().style.cursor = useStore.getState().tool ? 'crosshair' : 'pointer');
    const plain = () => (map.getCanvas().style.cursor = useStore.getState().tool ? 'crosshair' : '');
    map.on('mouseenter', 'assets', pointer);
    map.on('mouseleave', 'assets', plain);
    return () => {
      cancelled = true;
      map.off('mouseenter', 'assets', pointer);
      map.off('mouseleave', 'assets', plain);
    };
  }, [map]);

  useEffect(() => {
    if (!iconsReady) return;
    (map.getSource('assets') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: all.map((a) => ({ type: 'Feature', properties: { id: a.id, category: a.category, inBorough: a.inBorough, status: a.status }, geometry: { type: 'Point', coordinates: [a.lon, a.lat] } })),
    });
  }, [map, iconsReady, all]);

  useEffect(() => {
    if (!iconsReady) return;
    const shown = all.filter((a) => isShown(a, layers, showClosed)).map((a) => a.id);
    map.setFilter('assets', ['in', ['get', 'id'], ['literal', shown]]);
  }, [map, iconsReady, all, layers, showClosed]);
  return null;
}
