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
    ['ward', hit.ward, 'Ward'],
    ['lsoa', hit.lsoa, 'Small area (LSOA)'],
    ['msoa', hit.msoa, 'Group of small areas (MSOA)'],
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
              <span className="sub">(ONS code {bundle.areas[geo].codes[idx]})</span>
            </li>
          ) : (
            <li key={geo}>{label}: not found (the postcode may lie outside the borough)</li>
          ),
        )}
      </ul>
      <p className="sub">
        The postcode is placed at the centre of its addresses (OS Code-Point Open). Its ward comes from Code-Point Open; its small area is the one whose boundary contains that point.
      </p>
      <button type="button" className="link-button" onClick={() => clear(null)}>
        Clear postcode
      </button>
    </div>
  );
}
