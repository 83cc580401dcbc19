import { useMemo } from 'react';
import { useStore } from '../store';
import type { Asset, AssetCategory } from '../lib/assets/categories';
import type { MapLayerId } from '../lib/share/url';

/** Bundled assets plus any hubs and champion organisations the user loaded. */
export function useAllAssets(): Asset[] {
  const assets = useStore((s) => s.assets);
  const user = useStore((s) => s.userHubs);
  return useMemo(() => (user ? [...assets, ...user.points] : assets), [assets, user]);
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
    const out = { gp: 0, pharmacy: 0, library: 0, food_bank: 0, nhs_other: 0, hub: 0, champion_org: 0 } as Record<AssetCategory, number>;
    for (const a of all) if (a.status !== 'closed' || showClosed) out[a.category]++;
    return out;
  }, [all, showClosed]);
}
