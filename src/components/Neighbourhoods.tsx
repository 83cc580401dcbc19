import { useState } from 'react';
import { useStore } from '../store';
import { useCustomAreas } from '../data/usePlaces';
import { formatNumber } from '../lib/core/format';
import { pcns } from '../lib/health/practices';
import { NoticeLine, useNotice } from './Messages';

/** Presets, saved neighbourhoods, and the builder (click, list, or draw). */
export function Neighbourhoods() {
  const bundle = useStore((s) => s.bundle)!;
  const draft = useStore((s) => s.draft);
  const setDraft = useStore((s) => s.setDraft);
  const tool = useStore((s) => s.tool);
  const setTool = useStore((s) => s.setTool);
  const picking = tool?.kind === 'pick-areas';
  const drawing = tool?.kind === 'draw-area' ? tool : null;
  // Picking on and drawing round the map need the map; the list below works without it.
  const noMap = useStore((s) => s.mapState === 'error');
  const toggle = useStore((s) => s.toggleDraftLsoa);
  const addToComparison = useStore((s) => s.addToComparison);
  const comparison = useStore((s) => s.comparison);
  const saveCustom = useStore((s) => s.saveCustom);
  const renameCustom = useStore((s) => s.renameCustom);
  const deleteCustom = useStore((s) => s.deleteCustom);
  const customs = useCustomAreas();
  const [choice, setChoice] = useState(`preset:${bundle.presets[0]?.id ?? ''}`);
  const [name, setName] = useState('');
  const [status, say] = useNotice();
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const lsoa = bundle.areas.lsoa;
  const residents = (draft?.lsoas ?? []).reduce((s, i) => s + lsoa.residents[i], 0);

  const startPicking = () => {
    useStore.getState().setShare({ geography: 'lsoa', view: 'map' });
    setDraft(draft ?? { lsoas: [] });
    setTool(picking ? null : { kind: 'pick-areas' });
  };
  const startDrawing = () => {
    useStore.getState().setShare({ geography: 'lsoa', view: 'map' });
    setDraft(draft ?? { lsoas: [] });
    setTool({ kind: 'draw-area', points: [] });
    say('Drawing: click the map to add corners; double-click or press “Finish drawing” to close the shape.');
  };
  const save = () => {
    if (!draft?.lsoas.length) return say('Select at least one small area (LSOA) first: pick them on the map, from the list, or draw an area.', 'error');
    if (!name.trim()) return say('Give the neighbourhood a name before saving it.', 'error');
    const id = saveCustom(name, draft.lsoas);
    if (id) {
      setChoice(`custom:${id}`);
      say(`Saved “${name.trim()}” (${draft.lsoas.length} small area${draft.lsoas.length === 1 ? '' : 's'}). Add it to the comparison when ready.`);
      setDraft(null);
      setTool(null);
      setName('');
    }
  };

  return (
    <section className="neighbourhoods" aria-labelledby="nb-title">
      <h2 id="nb-title">Neighbourhoods and comparison</h2>
      <div className="field">
        <label htmlFor="nb-select">Neighbourhoods</label>
        <select id="nb-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <optgroup label="Neighbourhood health pilot">
            {bundle.presets.map((p) => (
              <option key={p.id} value={`preset:${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="GP practice groups (primary care networks)">
            {pcns(bundle.practices).map((g) => (
              <option key={g.code} value={`pcn:${g.code}`}>
                {g.name}
              </option>
            ))}
          </optgroup>
          {customs.length ? (
            <optgroup label="Your neighbourhoods">
              {customs.map((c) => (
                <option key={c.id} value={`custom:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => addToComparison(choice)} disabled={comparison.includes(choice)}>
          Add to comparison
        </button>
        <button type="button" onClick={() => useStore.getState().setShare({ view: 'comparison' })}>
          Open comparison ({comparison.length})
        </button>
      </div>

      <h3>Build a neighbourhood</h3>
      <p className="sub">
        Build your own from small areas (LSOAs: Census areas of about 1,000 to 3,000 residents each). Click them on the map, tick them in the list, or draw round them.
      </p>
      <div className="button-row">
        <button type="button" aria-pressed={picking} onClick={startPicking} disabled={noMap} aria-describedby={noMap ? 'nb-no-map' : undefined}>
          Pick LSOAs on the map
        </button>
        <button type="button" aria-pressed={!!drawing} onClick={startDrawing} disabled={noMap} aria-describedby={noMap ? 'nb-no-map' : undefined}>
          Draw an area
        </button>
      </div>
      {noMap ? (
        <p className="sub" id="nb-no-map">
          The map is not available on this device, so areas cannot be picked or drawn on it: pick them from the list below instead.
        </p>
      ) : null}
      {drawing ? (
        <div className="button-row">
          <button type="button" onClick={() => void useStore.getState().finishTool().then((note) => note && say(note))}>
            Finish drawing
          </button>
          <button type="button" onClick={() => useStore.getState().undoToolPoint()} disabled={!drawing.points.length}>
            Undo last point
          </button>
          <button type="button" onClick={() => setTool(null)}>
            Cancel drawing
          </button>
        </div>
      ) : null}
      <details className="lsoa-list">
        <summary>Pick small areas (LSOAs) from a list</summary>
        <fieldset>
          <legend className="visually-hidden">Small areas (LSOAs) in the neighbourhood</legend>
          {lsoa.codes.map((code, i) => (
            <div key={code} className="checkbox">
              <input id={`pick-${code}`} type="checkbox" checked={!!draft?.lsoas.includes(i)} onChange={() => toggle(i)} />
              <label htmlFor={`pick-${code}`}>
                {lsoa.names[i]} <span className="sub">{lsoa.aliases[i]}</span>
              </label>
            </div>
          ))}
        </fieldset>
      </details>
      <p role="status" className="draft-status">
        {draft?.lsoas.length ? `${draft.lsoas.length} LSOA${draft.lsoas.length === 1 ? '' : 's'} selected · ${formatNumber(residents, 0)} residents (Census 2021)` : 'No small areas (LSOAs) selected.'}
      </p>
      <div className="field">
        <label htmlFor="nb-name">Neighbourhood name</label>
        <input id="nb-name" type="text" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" onClick={save}>
          Save neighbourhood
        </button>
        {draft ? (
          <button
            type="button"
            onClick={() => {
              setDraft(null);
              setTool(null);
            }}
          >
            Clear selection
          </button>
        ) : null}
      </div>
      <NoticeLine notice={status} className="nb-status" />
      {customs.length ? (
        <ul className="saved-list">
          {customs.map((c) => (
            <li key={c.id}>
              {renaming?.id === c.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    renameCustom(c.id, renaming.name);
                    setRenaming(null);
                  }}
                >
                  <label htmlFor={`rename-${c.id}`} className="visually-hidden">
                    New name for {c.name}
                  </label>
                  <input id={`rename-${c.id}`} type="text" maxLength={60} value={renaming.name} onChange={(e) => setRenaming({ id: c.id, name: e.target.value })} />
                  <button type="submit">Save name</button>
                </form>
              ) : (
                <>
                  {c.name} <span className="sub">({c.lsoas.length} small area{c.lsoas.length === 1 ? '' : 's'})</span>{' '}
                  <button type="button" className="link-button" onClick={() => setRenaming({ id: c.id, name: c.name })}>
                    Rename<span className="visually-hidden"> {c.name}</span>
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      deleteCustom(c.id);
                      say(`Deleted “${c.name}”.`);
                    }}
                  >
                    Delete<span className="visually-hidden"> {c.name}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sub">
        A small area is in a drawn area when the point at the centre of its population (its population-weighted centroid) is inside, as in ONS’s custom area profiles. A
        neighbourhood’s figures are pooled from its small areas’ counts.
      </p>
    </section>
  );
}
