import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { useStore } from '../store';
import { dataUrl } from './load';
import { useAllAssets } from './useAssets';
import { appraise, type SiteAppraisal } from '../lib/site/appraisal';
import type { SiteGeometry } from '../lib/site/geometry';
import { decodeSite } from '../lib/site/link';

let lsoaGeo: Promise<FeatureCollection> | null = null;
/** LSOA boundaries for area weighting: the same file the map uses (so it comes from the browser cache). */
function loadLsoaGeo(): Promise<FeatureCollection> {
  lsoaGeo ??= fetch(dataUrl('geo-lsoa.json')).then((r) => {
    if (!r.ok) throw new Error(`Could not load LSOA boundaries (HTTP ${r.status})`);
    return r.json() as Promise<FeatureCollection>;
  });
  return lsoaGeo;
}

export function useSite(): SiteGeometry | null {
  const raw = useStore((s) => s.site);
  return useMemo(() => (raw ? decodeSite(raw) : null), [raw]);
}

/** The appraisal of the current site, computed in the browser; `busy` while it runs. */
export function useAppraisal(): { appraisal: SiteAppraisal | null; busy: boolean; error: string | null; ms: number | null } {
  const bundle = useStore((s) => s.bundle);
  const rings = useStore((s) => s.rings);
  const site = useSite();
  const assets = useAllAssets();
  const [state, setState] = useState<{ appraisal: SiteAppraisal | null; busy: boolean; error: string | null; ms: number | null }>({ appraisal: null, busy: false, error: null, ms: null });
  useEffect(() => {
    if (!bundle || !site) {
      setState({ appraisal: null, busy: false, error: null, ms: null });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, busy: true, error: null }));
    const t0 = performance.now();
    loadLsoaGeo()
      // Let the "Appraising…" message paint before the synchronous work.
      .then((geo) => new Promise<FeatureCollection>((r) => setTimeout(() => r(geo), 0)))
      .then((geo) => {
        if (cancelled) return;
        const appraisal = appraise(bundle, geo, site, rings, assets);
        setState({ appraisal, busy: false, error: null, ms: Math.round(performance.now() - t0) });
      })
      .catch((e: Error) => !cancelled && setState({ appraisal: null, busy: false, error: e.message, ms: null }));
    return () => {
      cancelled = true;
    };
  }, [bundle, site, rings, assets]);
  return state;
}
