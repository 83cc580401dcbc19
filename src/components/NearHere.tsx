import { useMemo } from 'react';
import { useStore } from '../store';
import { useAllAssets } from '../data/useAssets';
import { ASSET_CATEGORIES } from '../lib/assets/categories';
import { countWithin, nearestByCategory } from '../lib/assets/nearest';
import { DEFAULT_RADII_M } from '../lib/core/geo';
import { formatDistance, formatRadius } from '../lib/core/format';


/** Assets nearest a searched postcode or a picked point, by category, with straight-line distances. */
export function NearHere() {
  const point = useStore((s) => s.nearPoint);
  const picking = useStore((s) => s.tool?.kind === 'pick-point');
  // Without a map there is no point to pick: a postcode search still works.
  const noMap = useStore((s) => s.mapState === 'error');
  const setTool = useStore((s) => s.setTool);
  const setNear = useStore((s) => s.setNearPoint);
  const setSelected = useStore((s) => s.setSelectedAsset);
  const all = useAllAssets();
  const open = useMemo(() => all.filter((a) => a.status !== 'closed'), [all]);
  const result = useMemo(() => {
    if (!point) return null;
    const p: [number, number] = [point.lon, point.lat];
    return { nearest: nearestByCategory(p, open, { limitPerCategory: 3 }), within: countWithin(p, open, DEFAULT_RADII_M) };
  }, [point, open]);

  return (
    <section className="near-here" aria-labelledby="near-title">
      <h2 id="near-title">Near here</h2>
      <div className="button-row">
        <button type="button" aria-pressed={picking} disabled={noMap} aria-describedby={noMap ? 'near-no-map' : undefined} onClick={() => setTool(picking ? null : { kind: 'pick-point' })}>
          Pick a point on the map
        </button>
        {noMap ? (
          <span id="near-no-map" className="sub">
            The map is not available on this device: search a postcode instead.
          </span>
        ) : null}
        {point ? (
          <button type="button" className="link-button" onClick={() => setNear(null)}>
            Clear location
          </button>
        ) : null}
      </div>
      <p role="status" className={picking ? 'sub near-status' : 'visually-hidden near-status'}>
        {picking ? 'Click the map where you want to look. Press “Pick a point on the map” again to stop.' : point && result ? `Nearest services to ${point.label} listed below.` : ''}
      </p>
      {!point || !result ? (
        <p className="sub">Search a postcode, or pick a point on the map, to list the nearest GP practices, pharmacies, libraries, food banks and other services.</p>
      ) : (
        <>
          <p>
            Nearest to <strong>{point.label}</strong>. Distances are straight-line, not walking routes.
          </p>
          <table className="data-table within">
            <caption className="visually-hidden">Services within walking distances (straight line)</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                {result.within.radiiMetres.map((r) => (
                  <th scope="col" key={r}>
                    within {formatRadius(r)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ASSET_CATEGORIES.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  {result.within.byCategory[c.id].map((n, k) => (
                    <td key={k}>{n}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {ASSET_CATEGORIES.map((c) =>
            result.nearest[c.id].length ? (
              <div key={c.id} className="near-group" data-category={c.id}>
                <h3>{c.label}</h3>
                <ol>
                  {result.nearest[c.id].map(({ asset, distanceM }) => (
                    <li key={asset.id}>
                      <button type="button" className="link-button" onClick={() => setSelected(asset.id)}>
                        {asset.name}
                      </button>{' '}
                      <span className="distance">{formatDistance(distanceM)}</span>
                      <span className="sub block">
                        {asset.address} {asset.postcode}
                        {asset.inBorough ? '' : ' · outside the borough'}
                        {asset.status === 'unverified' ? ' · listing not verified' : ''}
                      </span>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null,
          )}
        </>
      )}
    </section>
  );
}
