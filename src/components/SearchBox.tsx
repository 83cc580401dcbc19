import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from '../store';
import { loadPostcodes, postcodesLoaded } from '../data/load';
import { useAllAssets } from '../data/useAssets';
import { actionLabel, buildSearchItems, kindLabel, resultsMessage, searchExamples, searchItems, searchPostcodes, wantsPostcodes, type SearchItem } from '../lib/places/search';
import { normalisePostcode } from '../lib/core/text';
import './search.css';
import { countRender } from '../ui/renderCount';

const LIMIT = 10;
/** How long typing must pause before the number of results is announced (so it is not read out per key). */
const ANNOUNCE_MS = 450;

/**
 * The search box: a WAI-ARIA combobox with a listbox popup. Finds postcodes (Code-Point Open, loaded on
 * first use), places, areas by name or code, neighbourhoods, primary care networks, GP practices and
 * community services by name, tolerating typos.
 */
export function SearchBox() {
  countRender('SearchBox');
  const bundle = useStore((s) => s.bundle)!;
  const gazetteer = useStore((s) => s.gazetteer);
  const assets = useAllAssets();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchItem[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [count, setCount] = useState('');
  const listId = useId();
  const hintId = useId();
  const reqRef = useRef(0);
  const listRef = useRef<HTMLUListElement>(null);

  // Built on the first search, not on every change of assets (a person's file can add 100,000 of them).
  const items = useMemo(() => {
    let built: SearchItem[] | null = null;
    return () => (built ??= buildSearchItems(bundle, gazetteer, assets));
  }, [bundle, gazetteer, assets]);
  const examples = useMemo(() => searchExamples(bundle, gazetteer), [bundle, gazetteer]);

  useEffect(() => {
    const q = query.trim();
    const req = ++reqRef.current;
    setActive(-1);
    if (!q) {
      setResults([]);
      setCount('');
      return;
    }
    const base = searchItems(items(), q, LIMIT);
    setResults(base);
    let timer = 0;
    const announce = (list: SearchItem[]) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (req === reqRef.current) setCount(resultsMessage(list.length, q));
      }, ANNOUNCE_MS);
    };
    if (wantsPostcodes(q)) {
      if (!postcodesLoaded()) setStatus('Loading postcodes…');
      loadPostcodes()
        .then((pc) => {
          if (req !== reqRef.current) return;
          const matches = searchPostcodes(pc, q, 8);
          const all = [...matches, ...base].slice(0, LIMIT);
          setResults(all);
          const norm = normalisePostcode(q);
          if (!matches.length && norm) setStatus(`Postcode ${norm} is not in the ${bundle.place.name} postcode list.`);
          else setStatus('');
          announce(all);
        })
        .catch((e: Error) => {
          if (req === reqRef.current) setStatus(e.message);
        });
    } else {
      setStatus('');
      announce(base);
    }
    return () => window.clearTimeout(timer);
  }, [query, items, bundle.place.name]);

  // Keep the highlighted option in view when moving through a long list.
  useEffect(() => {
    if (active < 0) return;
    const el = listRef.current?.children[active] as HTMLElement | undefined;
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  async function choose(item: SearchItem) {
    const st = useStore.getState();
    setOpen(false);
    setActive(-1);
    setCount('');
    setQuery(item.kind === 'postcode' ? item.name : '');
    const geo = st.geography;
    switch (item.kind) {
      case 'postcode': {
        const pc = await loadPostcodes();
        const hit = pc[item.code];
        if (!hit) return;
        const [lon, lat, lsoa, ward] = hit;
        const msoa = lsoa >= 0 ? bundle.lsoaLinks.msoa[lsoa] : -1;
        st.setPostcodeHit({ postcode: item.code, lon, lat, lsoa, ward, msoa });
        const idx = { lsoa, ward, msoa }[geo];
        if (idx >= 0) st.selectArea(geo, bundle.areas[geo].codes[idx], true);
        else st.flyTo([lon, lat], 14);
        st.setNearPoint({ lon, lat, label: item.code });
        setStatus(`${item.code} selected.`);
        return;
      }
      case 'place': {
        const p = gazetteer[Number(item.code.slice(6))];
        if (!p) return;
        st.setPostcodeHit(null);
        const idx = geo === 'lsoa' ? p.lsoa : geo === 'ward' ? p.ward : p.lsoa >= 0 ? bundle.lsoaLinks.msoa[p.lsoa] : -1;
        if (idx >= 0) st.selectArea(geo, bundle.areas[geo].codes[idx], true);
        else st.flyTo([p.lon, p.lat], 13);
        setStatus(`${p.name} selected.`);
        return;
      }
      case 'practice': {
        st.setShare({ practice: item.code, task: 'explore' });
        if (item.lon != null && item.lat != null) st.flyTo([item.lon, item.lat], 14);
        setStatus(`${item.name}: practice profile opened.`);
        return;
      }
      case 'asset': {
        if (item.category) st.toggleLayer(item.category, true);
        const asset = assets.find((a) => a.id === item.code);
        // Its details live in the "Near me" task, with the other services.
        st.setShare({ task: 'near', ...(asset?.status === 'closed' ? { showClosed: true } : {}) });
        st.setSelectedAsset(item.code);
        if (item.lon != null && item.lat != null) st.flyTo([item.lon, item.lat], 14);
        setStatus(`${item.name} (${kindLabel(item).toLowerCase()}) selected; its details are shown under Community assets in Near me.`);
        return;
      }
      case 'preset':
      case 'pcn': {
        const key = `${item.kind}:${item.code}`;
        const had = st.comparison.includes(key);
        st.addToComparison(key);
        st.setShare({ task: 'compare' });
        const now = useStore.getState().comparison.includes(key);
        setStatus(had ? `${item.name} is already in the comparison.` : now ? `${item.name} added to the comparison.` : `${item.name} was not added: the comparison is full.`);
        return;
      }
      default: {
        st.setPostcodeHit(null);
        st.selectArea(item.kind, item.code, true);
        setStatus(`${item.name} selected.`);
      }
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    const n = results.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!n) return;
      if (!open) {
        setOpen(true);
        setActive(0);
      } else setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (!n) return;
      if (!open) {
        setOpen(true);
        setActive(n - 1);
      } else setActive((a) => (a <= 0 ? n - 1 : a - 1));
    } else if ((e.key === 'Home' || e.key === 'End') && open && active >= 0 && n) {
      // Home/End move through the list only while an option is highlighted; otherwise they move the caret.
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : n - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = results[active >= 0 ? active : 0];
      if (pick) void choose(pick);
      else if (normalisePostcode(query)) setStatus(`Postcode ${normalisePostcode(query)} is not in the ${bundle.place.name} postcode list.`);
    } else if (e.key === 'Escape') {
      if (open && n) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        e.preventDefault();
        setQuery('');
        setStatus('');
      }
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  }

  const showList = open && results.length > 0;
  return (
    <div className="search" role="search">
      <label htmlFor="search-input">Search postcode, place or area</label>
      <p id={hintId} className="sub search-hint">
        Also GP practices, pharmacies, libraries, food banks, neighbourhoods and primary care networks by name.
      </p>
      <input
        id="search-input"
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={hintId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        // Short enough to show whole on a phone; the hint line above says what else can be searched.
        placeholder={examples.text.split(', ').slice(0, 2).join(' or ')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} ref={listRef} role="listbox" aria-label="Search results" className="search-results" hidden={!showList}>
        {results.map((r, k) => {
          const action = actionLabel(r);
          const showCode = r.kind === 'ward' || r.kind === 'msoa' || r.kind === 'lsoa' || r.kind === 'practice';
          return (
            <li
              key={`${r.kind}:${r.code}`}
              id={`${listId}-${k}`}
              role="option"
              aria-selected={k === active}
              className={k === active ? 'active' : undefined}
              data-kind={r.kind === 'asset' ? r.category : r.kind}
              onMouseDown={(e) => {
                e.preventDefault();
                void choose(r);
              }}
              onMouseMove={() => k !== active && setActive(k)}
            >
              <span className="result-kind">
                {kindLabel(r)}
                {action ? ` · ${action}` : ''}
              </span>{' '}
              <span className="result-name">{r.name}</span>
              {r.detail ? <span className="sub"> · {r.detail}</span> : null}
              {r.note ? <span className="sub"> · {r.note}</span> : null}
              {showCode ? <span className="sub"> · {r.code}</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {count}
      </p>
      <p className="sub search-status" aria-live="polite">
        {status}
      </p>
      {!status && results.length === 0 && count ? <p className="sub search-nomatch">{count}</p> : null}
    </div>
  );
}
