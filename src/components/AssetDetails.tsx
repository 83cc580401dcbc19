import { useStore } from '../store';
import { useAllAssets } from '../data/useAssets';
import { categoryDef } from '../lib/assets/categories';
import { methodWords } from '../lib/indicators/words';

/** Details of one asset, in the panel (not only in a popup). All text is rendered as text. */
export function AssetDetails() {
  const id = useStore((s) => s.selectedAsset);
  const setSelected = useStore((s) => s.setSelectedAsset);
  const a = useAllAssets().find((x) => x.id === id);
  if (!a) return null;
  return (
    <section className="asset-details" aria-labelledby="asset-title">
      <h3 id="asset-title">Asset details</h3>
      <p className="profile-name">{a.name}</p>
      <dl className="details-list">
        <dt>What</dt>
        <dd>
          {categoryDef(a.category).label}
          {a.subcategory && !categoryDef(a.category).label.toLowerCase().startsWith(a.subcategory.toLowerCase()) ? ` · ${a.subcategory}` : ''}
        </dd>
        <dt>Address</dt>
        <dd>
          {a.address || 'Not given'} {a.postcode}
        </dd>
        <dt>Status</dt>
        <dd>
          {a.status === 'closed' ? 'Closed (kept for history)' : a.status === 'unverified' ? 'Listed, but the listing has not been verified' : 'Open'}
          {a.inBorough ? '' : ' · outside the borough'}
          {a.ward ? ` · ${a.ward} ward` : ''}
        </dd>
        {a.phone || a.contact ? (
          <>
            <dt>Contact</dt>
            <dd>{a.phone ?? a.contact}</dd>
          </>
        ) : null}
        {a.services ? (
          <>
            <dt>Services</dt>
            <dd>{a.services}</dd>
          </>
        ) : null}
        <dt>Source</dt>
        <dd>
          {methodWords(a.source)} ({methodWords(a.licence)}){a.lastUpdated && !a.source.includes(a.lastUpdated) ? `, ${methodWords(a.lastUpdated)}` : ''}. Shown on the map at the centre of
          its postcode, not at the building.
        </dd>
      </dl>
      <button type="button" className="link-button" onClick={() => setSelected(null)}>
        Close details<span className="visually-hidden"> of {a.name}</span>
      </button>
    </section>
  );
}
