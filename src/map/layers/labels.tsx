import { useEffect } from 'react';
import { Marker, type Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';

/** Labels and markers drawn as HTML, so they render offline with no glyph server. */
function marker(map: MlMap, lonLat: [number, number], className: string, text = '', label?: string): Marker {
  const el = document.createElement('div');
  el.className = className;
  el.textContent = text;
  if (label) {
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', label);
  } else el.setAttribute('aria-hidden', 'true');
  return new Marker({ element: el }).setLngLat(lonLat).addTo(map);
}

/** Ward names (shown from zoom 11.3), individual champions as counts per ward, and the "Near here" point. */
export function LabelsLayer({ map }: { map: MlMap }) {
  const bundle = useStore((s) => s.bundle)!;
  const userHubs = useStore((s) => s.userHubs);
  const championsOn = useStore((s) => s.layers.includes('champion_org'));
  const nearPoint = useStore((s) => s.nearPoint);

  useEffect(() => {
    const wards = bundle.areas.ward;
    const markers = wards.codes.map((_, i) => marker(map, wards.label[i], 'map-label', wards.names[i]));
    const zoomClass = () => map.getContainer().classList.toggle('labels-on', map.getZoom() >= 11.3);
    map.on('zoomend', zoomClass);
    zoomClass();
    return () => {
      map.off('zoomend', zoomClass);
      markers.forEach((m) => m.remove());
    };
  }, [map, bundle]);

  // Counts are drawn at the ward's label point, never where people are.
  useEffect(() => {
    if (!userHubs || !championsOn) return;
    const wards = bundle.areas.ward;
    const markers = Object.entries(userHubs.championCounts).flatMap(([code, n]) => {
      const i = wards.codes.indexOf(code);
      if (i < 0 || n <= 0) return [];
      return [marker(map, wards.label[i], 'champion-count', `${n}`, `${n} community champion${n === 1 ? '' : 's'} in ${wards.names[i]} ward`)];
    });
    return () => markers.forEach((m) => m.remove());
  }, [map, userHubs, championsOn, bundle]);

  useEffect(() => {
    if (!nearPoint) return;
    const m = marker(map, [nearPoint.lon, nearPoint.lat], 'near-marker');
    return () => void m.remove();
  }, [map, nearPoint]);
  return null;
}
