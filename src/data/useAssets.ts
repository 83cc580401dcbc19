import { useMemo } from 'react';
import { useStore } from '../store';
import { ASSET_CATEGORY_IDS, type Asset, type AssetCategory } from '../lib/assets/categories';
import type { MapLayerId } from '../lib/share/url';

/** Bundled assets plus the person's own: hubs and champion organisations, and their point file. */
export function useAllAssets(): Asset[] {
  const assets = useStore((s) => s.assets);
  const user = useStore((s) => s.userHubs);
  const points = useStore((s) => s.userPoints);
  return useMemo(() => (user || points ? [...assets, ...(user?.points ?? []), ...(points?.assets ?? [])] : assets), [assets, user, points]);
}

/** Whether an asset is drawn: its category is switched on; closed libraries only on request. */
export function isShown(a: Asset, layers: readonly MapLayerId[], showClosed: boolean): boolean {
  if (!layers.includes(a.category)) return false;
  return a.status !== 'closed' || showClosed;
}

export function useVisibleCounts(): Record<AssetCategory, number> {
  const all = useAllAssets();
  const showClosed = useStore((s) => s.showClosed);
  return useMemo(() => {
    const out = Object.fromEntries(ASSET_CATEGORY_IDS.map((c) => [c, 0])) as Record<AssetCategory, number>;
    for (const a of all) if (a.status !== 'closed' || showClosed) out[a.category]++;
    return out;
  }, [all, showClosed]);
}
