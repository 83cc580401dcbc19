import { useEffect, useRef, useState } from 'react';
import { Map as MlMap, AttributionControl, NavigationControl, ScaleControl, Marker, setWorkerUrl, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useStore, currentIndicator } from '../store';
import { useChoropleth } from '../data/useChoropleth';
import { dataUrl } from '../data/load';
import { diffFills, type FillStates } from '../lib/indicators/choropleth';
import { formatValue } from '../lib/core/format';
import { AREA_LAYERS, BASEMAP_SOURCE, basemapSource, buildStyle, drawData, fillId, fillOpacity } from './layers';
import { lsoasInPolygon, polygonFromPoints } from '../lib/places/drawn';
import type { GeoJSONSource } from 'maplibre-gl';
import { usePracticeValues } from '../data/usePractices';
import { PRACTICE_GLYPH, practiceSymbolSize } from '../lib/health/practices';
import { CATEGORY_STYLE } from '../lib/indicators/benchmark';
import { formatNumber } from '../lib/core/format';
import { useAllAssets, isShown } from '../data/useAssets';
import { ASSET_CATEGORY_IDS, assetIconDataUrl } from '../lib/assets/categories';

setWorkerUrl(workerUrl);

/**
 * The thin map layer: geometry is loaded once; colour, hover and selection are feature-state.
 * It reads the store and writes back only hover, selection and its idle state.
 */
export default function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const applied = useRef<Record<string, FillStates>>({});
  const [ready, setReady] = useState(false);
  const [tip, setTip] = useState<{ x: number; y: number; code: string } | null>(null);
  const bundle = useStore((s) => s.bundle)!;
  const geography = useStore((s) => s.geography);
  const selected = useStore((s) => s.selected);
  const basemap = useStore((s) => s.basemap);
  const camera = useStore((s) => s.camera);
  const hovered = useStore((s) => s.hovered);
  const ind = useStore((s) => currentIndicator(s));
  const ch = useChoropleth();
  const setMapState = useStore((s) => s.setMapState);
  const renderKey = useStore((s) => `${s.geography}|${s.indicator}|${s.mode}|${s.classes}`);

  // Create the map once.
  useEffect(() => {
    const place = bundle.place;
    const map = new MlMap({
      container: container.current!,
      style: buildStyle(dataUrl, useStore.getState().geography),
      bounds: place.bounds,
      fitBoundsOptions: { padding: 20 },
      attributionControl: false,
      maxZoom: 17,
      minZoom: 8,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.addControl(new AttributionControl({ compact: false, customAttribution: place.attribution.map((a) => a.text) }), 'bottom-right');
    map.on('error', (e) => console.warn('map error', e.error?.message));
    map.once('load', () => setReady(true));
    // HTML labels for wards: no font server needed, so they render offline.
    const wards = bundle.areas.ward;
    const markers = wards.codes.map((_, i) => {
      const el = document.createElement('div');
      el.className = 'map-label';
      el.setAttribute('aria-hidden', 'true');
      el.textContent = wards.names[i];
      return new Marker({ element: el }).setLngLat(wards.label[i]).addTo(map);
    });
    const zoomClass = () => container.current?.classList.toggle('labels-on', map.getZoom() >= 11.3);
    map.on('zoomend', zoomClass);
    zoomClass();
    mapRef.current = map;
    // Expose for tests and debugging only; nothing in the app reads it.
    (window as unknown as { __map?: MlMap }).__map = map;
    return () => {
      markers.forEach((m) => m.remove());
      map.remove();
      mapRef.current = null;
      applied.current = {};
    };
  }, [bundle]);

  // Interaction per active geography.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const layer = fillId(geography);
    let hoverId: string | null = null;
    const setHover = (code: string | null) => {
      if (hoverId) map.setFeatureState({ source: geography, id: hoverId }, { hover: false });
      hoverId = code;
      if (code) map.setFeatureState({ source: geography, id: code }, { hover: true });
      useStore.getState().setHovered(code);
    };
    const onMove = (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.id != null ? String(e.features[0].id) : null;
      if (code !== hoverId) setHover(code);
      map.getCanvas().style.cursor = code ? 'pointer' : '';
      setTip(code ? { x: e.point.x, y: e.point.y, code } : null);
    };
    const onLeave = () => {
      setHover(null);
      map.getCanvas().style.cursor = '';
      setTip(null);
    };
    const onClick = (e: MapLayerMouseEvent) => {
      const st = useStore.getState();
      if (st.draft?.drawing || st.pickingNear || st.siteTool) return;
      const code = e.features?.[0]?.id;
      if (code == null) return;
      if (st.draft?.picking && geography === 'lsoa') st.toggleDraftLsoa(bundle.areas.lsoa.codes.indexOf(String(code)));
      else st.selectArea(geography, String(code), false);
    };
    map.on('mousemove', layer, onMove);
    map.on('mouseleave', layer, onLeave);
    map.on('click', layer, onClick);
    return () => {
      map.off('mousemove', layer, onMove);
      map.off('mouseleave', layer, onLeave);
      map.off('click', layer, onClick);
      setHover(null);
      setTip(null);
    };
  }, [ready, geography]);

  // Building a neighbourhood: picked LSOAs as feature-state, drawing by clicks on the map.
  const draft = useStore((s) => s.draft);
  const drafted = useRef<Set<string>>(new Set());
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const next = new Set((draft?.lsoas ?? []).map((i) => bundle.areas.lsoa.codes[i]));
    for (const c of drafted.current) if (!next.has(c)) map.setFeatureState({ source: 'lsoa', id: c }, { draft: false });
    for (const c of next) if (!drafted.current.has(c)) map.setFeatureState({ source: 'lsoa', id: c }, { draft: true });
    drafted.current = next;
    for (const id of ['lsoa-draft', 'lsoa-draft-line']) map.setLayoutProperty(id, 'visibility', draft ? 'visible' : 'none');
    (map.getSource('draw') as GeoJSONSource | undefined)?.setData(drawData(draft?.points ?? [], !draft?.drawing));
  }, [ready, draft, bundle]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !draft?.drawing) return;
    const finish = () => {
      const st = useStore.getState();
      const d = st.draft;
      if (!d) return;
      const poly = polygonFromPoints(d.points);
      if (!poly) {
        st.addMessage('A drawn area needs at least three corners; keep clicking on the map, or cancel drawing.');
        return;
      }
      const lsoas = lsoasInPolygon(bundle.lsoaLinks.pwc, poly);
      st.setDraft({ ...d, drawing: false, lsoas });
      if (!lsoas.length) st.addMessage('No LSOA has its population-weighted centroid inside the drawn area; draw a larger area.');
    };
    const onClick = (e: { lngLat: { lng: number; lat: number } }) => {
      const d = useStore.getState().draft;
      if (d?.drawing) useStore.getState().setDraft({ ...d, points: [...d.points, [Number(e.lngLat.lng.toFixed(6)), Number(e.lngLat.lat.toFixed(6))]] });
    };
    const onDbl = (e: { preventDefault: () => void }) => {
      e.preventDefault();
      finish();
    };
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', onClick);
    map.on('dblclick', onDbl);
    window.addEventListener('nhe:finish-drawing', finish);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDbl);
      window.removeEventListener('nhe:finish-drawing', finish);
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = '';
    };
  }, [ready, draft?.drawing, bundle]);

  // GP practices: HTML symbols (focusable, labelled in words), coloured by comparison with England.
  const gpOn = useStore((s) => s.layers.includes('gp'));
  const pv = usePracticeValues();
  const [practiceTip, setPracticeTip] = useState<{ x: number; y: number; code: string } | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !gpOn || !pv) return;
    const year = pv.ind.qof?.year ?? '';
    const maxList = Math.max(...pv.rows.map((r) => r.practice.listSize[year] ?? 0), 1);
    // Practices sharing a building share a postcode point: fan them out so each can be seen and clicked.
    const atPoint = new Map<string, string[]>();
    for (const { practice: p } of pv.rows) if (p.lon != null) atPoint.set(`${p.lon},${p.lat}`, [...(atPoint.get(`${p.lon},${p.lat}`) ?? []), p.code]);
    const markers = pv.rows.flatMap(({ practice: p, v }) => {
      if (p.lon == null || p.lat == null) return [];
      const group = atPoint.get(`${p.lon},${p.lat}`)!;
      const k = group.indexOf(p.code);
      const offset: [number, number] = group.length > 1 ? [Math.round(14 * Math.cos((2 * Math.PI * k) / group.length)), Math.round(14 * Math.sin((2 * Math.PI * k) / group.length))] : [0, 0];
      const cat = v?.category ?? 'NotCompared';
      const el = document.createElement('button');
      el.type = 'button';
      el.className = 'practice-symbol';
      const size = practiceSymbolSize(p.listSize[year] ?? 0, maxList);
      Object.assign(el.style, { width: `${size}px`, height: `${size}px`, background: CATEGORY_STYLE[cat].fill ?? '#ffffff', color: CATEGORY_STYLE[cat].text });
      el.textContent = PRACTICE_GLYPH[cat];
      el.setAttribute('aria-label', `${p.name}: ${CATEGORY_STYLE[cat].words} for ${pv.ind.label}`);
      el.dataset.practice = p.code;
      const show = () => {
        const pt = map.project([p.lon!, p.lat!]);
        setPracticeTip({ x: pt.x, y: pt.y, code: p.code });
      };
      el.addEventListener('mouseenter', show);
      el.addEventListener('focus', show);
      el.addEventListener('mouseleave', () => setPracticeTip(null));
      el.addEventListener('blur', () => setPracticeTip(null));
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        useStore.getState().setShare({ practice: p.code });
      });
      return [new Marker({ element: el, offset }).setLngLat([p.lon, p.lat]).addTo(map)];
    });
    return () => {
      markers.forEach((m) => m.remove());
      setPracticeTip(null);
    };
  }, [ready, gpOn, pv]);

  // Community assets: one symbol layer, icons differ in shape and colour; categories switch by filter.
  const allAssets = useAllAssets();
  const layers = useStore((s) => s.layers);
  const [iconsReady, setIconsReady] = useState(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    let cancelled = false;
    Promise.all(
      ASSET_CATEGORY_IDS.map(
        (c) =>
          new Promise<void>((resolve, reject) => {
            const img = new Image(18, 18);
            img.onload = () => {
              if (!cancelled && !map.hasImage(`asset-${c}`)) map.addImage(`asset-${c}`, img);
              resolve();
            };
            img.onerror = () => reject(new Error(`icon ${c}`));
            img.src = assetIconDataUrl(c, 18);
          }),
      ),
    ).then(() => {
      if (cancelled) return;
      map.addSource('assets', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
      map.addLayer({
        id: 'assets',
        type: 'symbol',
        source: 'assets',
        layout: { 'icon-image': ['concat', 'asset-', ['get', 'category']], 'icon-allow-overlap': ['step', ['zoom'], false, 14, true], 'icon-padding': 1 },
        paint: { 'icon-opacity': ['case', ['get', 'inBorough'], 1, 0.55] },
        filter: ['==', ['get', 'id'], ''],
      });
      const onClick = (e: MapLayerMouseEvent) => {
        const id = e.features?.[0]?.properties?.id;
        if (id) useStore.getState().setSelectedAsset(String(id));
      };
      map.on('click', 'assets', onClick);
      map.on('mouseenter', 'assets', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'assets', () => (map.getCanvas().style.cursor = ''));
      setIconsReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [ready]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !iconsReady) return;
    (map.getSource('assets') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: allAssets.map((a) => ({ type: 'Feature', properties: { id: a.id, category: a.category, inBorough: a.inBorough, status: a.status }, geometry: { type: 'Point', coordinates: [a.lon, a.lat] } })),
    });
  }, [iconsReady, allAssets]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !iconsReady) return;
    const shown = allAssets.filter((a) => isShown(a, layers)).map((a) => a.id);
    map.setFilter('assets', ['in', ['get', 'id'], ['literal', shown]]);
  }, [iconsReady, allAssets, layers]);

  // Individual champions: counts per ward, drawn at the ward's label point, never as people.
  const userHubs = useStore((s) => s.userHubs);
  const championsOn = layers.includes('champion_org');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !userHubs || !championsOn) return;
    const wards = bundle.areas.ward;
    const markers = Object.entries(userHubs.championCounts).flatMap(([code, n]) => {
      const i = wards.codes.indexOf(code);
      if (i < 0 || n <= 0) return [];
      const el = document.createElement('div');
      el.className = 'champion-count';
      el.textContent = `${n}`;
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', `${n} community champion${n === 1 ? '' : 's'} in ${wards.names[i]} ward`);
      return [new Marker({ element: el }).setLngLat(wards.label[i]).addTo(map)];
    });
    return () => markers.forEach((m) => m.remove());
  }, [ready, userHubs, championsOn, bundle]);

  // "Near here": pick a point, and mark it.
  const nearPoint = useStore((s) => s.nearPoint);
  const pickingNear = useStore((s) => s.pickingNear);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !pickingNear) return;
    const onClick = (e: { lngLat: { lng: number; lat: number } }) =>
      useStore.getState().setNearPoint({ lon: e.lngLat.lng, lat: e.lngLat.lat, label: `the point you picked (${e.lngLat.lat.toFixed(4)}, ${e.lngLat.lng.toFixed(4)})` });
    map.getCanvas().style.cursor = 'crosshair';
    map.once('click', onClick);
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [ready, pickingNear]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !nearPoint) return;
    const el = document.createElement('div');
    el.className = 'near-marker';
    el.setAttribute('aria-hidden', 'true');
    const m = new Marker({ element: el }).setLngLat([nearPoint.lon, nearPoint.lat]).addTo(map);
    return () => {
      m.remove();
    };
  }, [ready, nearPoint]);

  // Site appraisal: the site and its rings; entry by pin or drawn boundary; a map image for the summary.
  const siteFeatures = useStore((s) => s.siteFeatures);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource('site') as GeoJSONSource | undefined)?.setData(siteFeatures ?? { type: 'FeatureCollection', features: [] });
  }, [ready, siteFeatures]);
  const siteTool = useStore((s) => s.siteTool);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !siteTool) return;
    // The site code (turf, proj4) is loaded on demand; it is already loaded when these tools are in use.
    const siteCode = Promise.all([import('../lib/site/appraisal'), import('../lib/site/link')]);
    const finishDraw = async () => {
      const t = useStore.getState().siteTool;
      if (!t || t.points.length < 3) return;
      const [{ siteFromPolygon }, { encodeSite }] = await siteCode;
      try {
        useStore.getState().setShare({ site: encodeSite(siteFromPolygon(t.points)) });
        useStore.getState().setSiteTool(null);
      } catch (err) {
        useStore.getState().addMessage(`That boundary cannot be used: ${(err as Error).message}`);
      }
    };
    const onClick = (e: { lngLat: { lng: number; lat: number } }) => {
      const t = useStore.getState().siteTool;
      if (!t) return;
      const p: [number, number] = [Number(e.lngLat.lng.toFixed(6)), Number(e.lngLat.lat.toFixed(6))];
      if (t.mode === 'pin') {
        void siteCode.then(([{ siteFromPoint }, { encodeSite }]) => {
          useStore.getState().setShare({ site: encodeSite(siteFromPoint(p)) });
          useStore.getState().setSiteTool(null);
        });
      } else {
        const last = t.points[t.points.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) useStore.getState().setSiteTool({ ...t, points: [...t.points, p] });
      }
    };
    const onDbl = (e: { preventDefault: () => void }) => {
      e.preventDefault();
      void finishDraw();
    };
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', onClick);
    map.on('dblclick', onDbl);
    (map.getSource('draw') as GeoJSONSource | undefined)?.setData(drawData(siteTool.points, false));
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDbl);
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = '';
      (map.getSource('draw') as GeoJSONSource | undefined)?.setData(drawData([], false));
    };
  }, [ready, siteTool]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const capture = () => {
      map.once('render', () => {
        const c = map.getCanvas();
        const out = document.createElement('canvas');
        const legendW = 230;
        out.width = c.width + legendW;
        out.height = c.height;
        const g = out.getContext('2d')!;
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, out.width, out.height);
        g.drawImage(c, 0, 0);
        // The legend travels with the image.
        g.fillStyle = '#0b0c0c';
        g.font = 'bold 14px sans-serif';
        g.fillText('Legend', c.width + 12, 24);
        g.font = '12px sans-serif';
        g.fillStyle = '#d4351c';
        g.fillRect(c.width + 12, 38, 16, 12);
        g.fillStyle = '#0b0c0c';
        g.fillText('Site', c.width + 36, 48);
        g.strokeStyle = '#d4351c';
        g.setLineDash([6, 4]);
        g.lineWidth = 2;
        g.strokeRect(c.width + 12, 60, 16, 12);
        g.fillText('Catchments (straight line):', c.width + 36, 70);
        const rs = useStore.getState().rings.map((r) => (r >= 1000 ? `${r / 1000} km` : `${r} m`)).join(', ');
        g.fillText(rs, c.width + 36, 86);
        g.fillText('Boundary: borough; shading:', c.width + 12, 110);
        g.fillText(currentIndicator(useStore.getState())?.label.slice(0, 32) ?? '', c.width + 12, 126);
        g.font = '10px sans-serif';
        g.fillText('Contains OS data © Crown copyright', c.width + 12, out.height - 24);
        g.fillText('and database right 2025. ONS, OGL v3.0.', c.width + 12, out.height - 10);
        useStore.getState().setSiteMapImage(out.toDataURL('image/png'));
      });
      map.triggerRepaint();
    };
    window.addEventListener('nhe:capture-map', capture);
    return () => window.removeEventListener('nhe:capture-map', capture);
  }, [ready]);

  // Visibility of the active geography.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    for (const { geography: g } of AREA_LAYERS)
      for (const suffix of ['fill', 'line', 'hover', 'selected', 'selected-inner'])
        map.setLayoutProperty(`${g}-${suffix}`, 'visibility', g === geography ? 'visible' : 'none');
  }, [ready, geography]);

  // Colour by feature-state: apply only the differences from what is already on the map.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !ch) return;
    setMapState('busy');
    const prev = applied.current[geography] ?? {};
    for (const [code, fill] of diffFills(prev, ch.fills)) map.setFeatureState({ source: geography, id: code }, { fill });
    applied.current[geography] = ch.fills;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      container.current?.setAttribute('data-rendered', renderKey);
      setMapState('idle');
    };
    map.once('idle', finish);
    map.triggerRepaint();
    return () => {
      done = true;
      map.off('idle', finish);
    };
  }, [ready, ch, geography, renderKey, setMapState]);

  // Selection outline.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !selected) return;
    map.setFeatureState({ source: geography, id: selected }, { selected: true });
    return () => {
      if (map.getSource(geography)) map.setFeatureState({ source: geography, id: selected }, { selected: false });
    };
  }, [ready, geography, selected]);

  // Hover from elsewhere (table, lists) highlights the area too.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !hovered) return;
    map.setFeatureState({ source: geography, id: hovered }, { hover: true });
    return () => {
      if (map.getSource(geography)) map.setFeatureState({ source: geography, id: hovered }, { hover: false });
    };
  }, [ready, geography, hovered]);

  // Camera requests.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !camera) return;
    if ('bbox' in camera) map.fitBounds(camera.bbox, { padding: 60, maxZoom: 15, duration: 400 });
    else map.flyTo({ center: camera.center, zoom: camera.zoom, duration: 400 });
  }, [ready, camera]);

  // Optional online basemap.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (basemap && !map.getSource(BASEMAP_SOURCE)) {
      map.addSource(BASEMAP_SOURCE, basemapSource(bundle.place));
      map.addLayer({ id: BASEMAP_SOURCE, type: 'raster', source: BASEMAP_SOURCE }, 'context-fill');
    } else if (!basemap && map.getSource(BASEMAP_SOURCE)) {
      map.removeLayer(BASEMAP_SOURCE);
      map.removeSource(BASEMAP_SOURCE);
    }
    for (const { geography: g } of AREA_LAYERS) map.setPaintProperty(fillId(g), 'fill-opacity', fillOpacity(basemap));
    map.setPaintProperty('context-fill', 'fill-opacity', basemap ? 0.2 : 1);
  }, [ready, basemap, bundle]);

  const tipIndex = tip ? bundle.areas[geography].codes.indexOf(tip.code) : -1;
  const tipPractice = practiceTip && pv ? pv.rows.find((r) => r.practice.code === practiceTip.code) : undefined;
  return (
    <div className="map-outer">
      <div className="map-container" ref={container} data-testid="map" />
      {tip && tipIndex >= 0 && ind ? (
        <div className="map-tooltip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
          <strong>{bundle.areas[geography].names[tipIndex]}</strong>
          <span>
            {ind.label}: {formatValue(ind.data[geography]?.values[tipIndex], ind)}
          </span>
          {ch?.labels[tip.code] ? <span>{ch.labels[tip.code]}</span> : null}
        </div>
      ) : null}
      {practiceTip && tipPractice && pv ? (
        <div className="map-tooltip" role="tooltip" style={{ left: practiceTip.x + 14, top: practiceTip.y + 14 }}>
          <strong>{tipPractice.practice.name}</strong>
          <span>List size {formatNumber(tipPractice.practice.listSize[pv.ind.qof?.year ?? ''], 0)}</span>
          <span>
            {pv.ind.label} {pv.ind.qof?.year}: {formatNumber(tipPractice.v?.numerator, 0)} of {formatNumber(tipPractice.v?.denominator, 0)} ={' '}
            {formatValue(tipPractice.v?.value, pv.ind)} (95% CI {formatNumber(tipPractice.v?.lower, 1)}–{formatNumber(tipPractice.v?.upper, 1)})
          </span>
          <span>
            England {formatValue(pv.ind.england?.value, pv.ind)} · {CATEGORY_STYLE[tipPractice.v?.category ?? 'NotCompared'].words}
          </span>
          <span className="sub">Located by postcode (OS Code-Point Open centroid)</span>
        </div>
      ) : null}
    </div>
  );
}

