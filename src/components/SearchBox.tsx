import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from '../store';
import { loadPostcodes } from '../data/load';
import { looksLikePostcodeStart, searchExamples, searchItems, type SearchItem } from '../lib/places/search';
import { normalisePostcode } from '../lib/core/text';
import type { GeographyId } from '../lib/core/types';

const KIND_LABEL: Record<SearchItem['kind'], string> = { ward: 'Ward', lsoa: 'LSOA', msoa: 'MSOA', place: 'Place', postcode: 'Postcode' };

/** Combobox: areas by name or code, places, and postcodes (Code-Point Open, loaded on first use). */
export function SearchBox() {
  const bundle = useStore((s) => s.bundle)!;
  const gazetteer = useStore((s) => s.gazetteer);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchItem[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const listId = useId();
  const reqRef = useRef(0);

  const items = useMemo(() => {
    const out: SearchItem[] = [];
    for (const g of ['ward', 'msoa', 'lsoa'] as GeographyId[]) {
      const a = bundle.areas[g];
      a.codes.forEach((code, i) => out.push({ kind: g, code, name: a.names[i], detail: a.aliases[i] || undefined }));
    }
    gazetteer
      .filter((p) => p.type !== 'ward')
      .forEach((p, i) => out.push({ kind: 'place', code: `place:${i}`, name: p.name, detail: p.type.replace(/_/g, ' ') }));
    return out;
  }, [bundle, gazetteer]);

  useEffect(() => {
    const q = query.trim();
    const req = ++reqRef.current;
    if (!q) {
      setResults([]);
      setStatus('');
      return;
    }
    const base = searchItems(items, q, 8);
    setResults(base);
    setActive(-1);
    if (looksLikePostcodeStart(q) && q.replace(/\s/g, '').length >= 5) {
      loadPostcodes()
        .then((pc) => {
          if (req !== reqRef.current) return;
          const norm = q.toUpperCase().replace(/\s+/g, '');
          const matches = Object.keys(pc)
            .filter((k) => k.replace(' ', '').startsWith(norm))
            .slice(0, 8)
            .map((k): SearchItem => ({ kind: 'postcode', code: k, name: k }));
          setResults([...matches, ...base].slice(0, 10));
          if (!matches.length && normalisePostcode(q)) setStatus(`Postcode ${normalisePostcode(q)} is not in the ${bundle.place.name} postcode list.`);
          else setStatus('');
        })
        .catch((e: Error) => setStatus(e.message));
    } else setStatus(base.length ? '' : 'No matching area, place or postcode.');
  }, [query, items, bundle.place.name]);

  async function choose(item: SearchItem) {
    const st = useStore.getState();
    setOpen(false);
    setQuery(item.kind === 'postcode' ? item.name : '');
    if (item.kind === 'postcode') {
      const pc = await loadPostcodes();
      const hit = pc[item.code];
      if (!hit) return;
      const [lon, lat, lsoa, ward] = hit;
      const msoa = lsoa >= 0 ? bundle.lsoaLinks.msoa[lsoa] : -1;
      st.setPostcodeHit({ postcode: item.code, lon, lat, lsoa, ward, msoa });
      const idx = { lsoa, ward, msoa }[st.geography];
      if (idx >= 0) st.selectArea(st.geography, bundle.areas[st.geography].codes[idx], false);
      st.flyTo([lon, lat], 14);
      st.setNearPoint({ lon, lat, label: item.code });
      setStatus(`${item.code} selected.`);
    } else if (item.kind === 'place') {
      const p = gazetteer.filter((x) => x.type !== 'ward')[Number(item.code.slice(6))];
      st.setPostcodeHit(null);
      const idx = st.geography === 'lsoa' ? p.lsoa : st.geography === 'ward' ? p.ward : p.lsoa >= 0 ? bundle.lsoaLinks.msoa[p.lsoa] : -1;
      if (idx >= 0) st.selectArea(st.geography, bundle.areas[st.geography].codes[idx], false);
      st.flyTo([p.lon, p.lat], 13);
      setStatus(`${p.name} selected.`);
    } else {
      st.setPostcodeHit(null);
      st.selectArea(item.kind, item.code);
      setStatus(`${item.name} selected.`);
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = results[active >= 0 ? active : 0];
      if (pick) void choose(pick);
      else if (normalisePostcode(query)) setStatus(`Postcode ${normalisePostcode(query)} is not in the ${bundle.place.name} postcode list.`);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const showList = open && results.length > 0;
  return (
    <div className="search" role="search">
      <label htmlFor="search-input">Search postcode, place or area</label>
      <input
        id="search-input"
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={searchExamples(bundle, gazetteer).text}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label="Search results" className="search-results" hidden={!showList}>
        {results.map((r, k) => (
          <li
            key={`${r.kind}:${r.code}`}
            id={`${listId}-${k}`}
            role="option"
            aria-selected={k === active}
            className={k === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              void choose(r);
            }}
          >
            <span className="result-kind">{KIND_LABEL[r.kind]}</span> {r.name}
            {r.detail ? <span className="sub"> · {r.detail}</span> : null}
            {r.kind !== 'place' && r.kind !== 'postcode' ? <span className="sub"> · {r.code}</span> : null}
          </li>
        ))}
      </ul>
      <p className="sub search-status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
