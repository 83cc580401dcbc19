import { useStore } from '../store';
import type { GeographyId } from '../lib/core/types';

/** What a searched postcode falls in, with a way to open each area. */
export function PostcodeResult() {
  const hit = useStore((s) => s.postcodeHit);
  const bundle = useStore((s) => s.bundle)!;
  const selectArea = useStore((s) => s.selectArea);
  const clear = useStore((s) => s.setPostcodeHit);
  if (!hit) return null;
  const parts: [GeographyId, number, string][] = [
    ['lsoa', hit.lsoa, 'LSOA'],
    ['ward', hit.ward, 'Ward'],
    ['msoa', hit.msoa, 'MSOA'],
  ];
  return (
    <div className="postcode-hit" data-postcode={hit.postcode}>
      <p>
        <strong>{hit.postcode}</strong> is in:
      </p>
      <ul>
        {parts.map(([geo, idx, label]) =>
          idx >= 0 ? (
            <li key={geo}>
              {label}:{' '}
              <button type="button" className="link-button" onClick={() => selectArea(geo, bundle.areas[geo].codes[idx])}>
                {bundle.areas[geo].names[idx]}
              </button>{' '}
              <span className="sub">{bundle.areas[geo].codes[idx]}</span>
            </li>
          ) : (
            <li key={geo}>{label}: not matched</li>
          ),
        )}
      </ul>
      <p className="sub">Postcode location: OS Code-Point Open centroid. Ward from Code-Point; LSOA by point-in-boundary.</p>
      <button type="button" className="link-button" onClick={() => clear(null)}>
        Clear postcode
      </button>
    </div>
  );
}
