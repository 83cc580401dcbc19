import { useMemo, useState, type ReactNode } from 'react';
import { useStore } from '../store';
import { isShown, useAllAssets, useVisibleCounts } from '../data/useAssets';
import { ASSET_CATEGORIES, type AssetCategory } from '../lib/assets/categories';
import { assetIconSvg } from '../ui/icons';
import { HUBS_SCHEMA_DOC, HUBS_TEMPLATE_CSV, capList } from '../lib/assets/hubs';
import { readHubsFile } from '../data/hubsFile';
import { downloadText } from '../data/download';
import { AssetDetails } from './AssetDetails';
import { FileField } from './FileField';
import { NoticeLine, useNotice } from './Messages';

function Icon({ category }: { category: AssetCategory }) {
  // Built only from fixed category styles (no user text), so it is safe as markup.
  return <span className="asset-icon" aria-hidden="true" dangerouslySetInnerHTML={{ __html: assetIconSvg(category, 16) }} />;
}

/**
 * A <details> whose list is only drawn while it is open (a closed one with 10,000 items used to hold up the
 * page for seconds), capped at the first LIST_CAP items with a count of the rest.
 */
function LazyList<T>({ summary, items, render, className, more, defaultOpen = false }: { summary: ReactNode; items: readonly T[]; render: (item: T) => ReactNode; className?: string; more: string; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const { shown, more: rest } = open ? capList(items) : { shown: [], more: 0 };
  return (
    <details open={defaultOpen || undefined} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open ? (
        <>
          <ul className={className}>{shown.map(render)}</ul>
          {rest > 0 ? (
            <p className="sub list-more">
              … and {rest.toLocaleString('en-GB')} more ({more})
            </p>
          ) : null}
        </>
      ) : null}
    </details>
  );
}


/** "Community assets": a checkbox per category with counts, the hubs-and-champions loader, details. */
export function CommunityAssets() {
  const bundle = useStore((s) => s.bundle)!;
  const layers = useStore((s) => s.layers);
  const toggleLayer = useStore((s) => s.toggleLayer);
  const showClosed = useStore((s) => s.showClosed);
  const setShare = useStore((s) => s.setShare);
  const userHubs = useStore((s) => s.userHubs);
  const setUserHubs = useStore((s) => s.setUserHubs);
  const setSelectedAsset = useStore((s) => s.setSelectedAsset);
  const counts = useVisibleCounts();
  const all = useAllAssets();
  const [notice, say] = useNotice();
  const shown = useMemo(() => all.filter((a) => isShown(a, layers, showClosed)), [all, layers, showClosed]);
  const champions = userHubs ? Object.values(userHubs.championCounts).reduce((a, b) => a + b, 0) : 0;

  async function onFile(file: File) {
    say(`Reading ${file.name}…`);
    const res = await readHubsFile(file, bundle);
    if ('error' in res) return say(res.error, 'error');
    setUserHubs(res.hubs);
    for (const c of ['hub', 'champion_org'] as const) toggleLayer(c, true);
    say(res.message);
  }

  return (
    <section className="assets" aria-labelledby="assets-title">
      <h2 id="assets-title">Services and community assets</h2>
      <fieldset className="asset-layers">
        <legend>Community assets</legend>
        {ASSET_CATEGORIES.map((c) => (
          <div key={c.id} className="checkbox">
            <input id={`layer-${c.id}`} type="checkbox" checked={layers.includes(c.id)} onChange={(e) => toggleLayer(c.id, e.target.checked)} />
            <label htmlFor={`layer-${c.id}`}>
              <Icon category={c.id} /> {c.label}
            </label>
            <span className="sub count" data-count={c.id}>
              {c.id === 'champion_org' ? `${counts[c.id]} organisations${userHubs ? `, ${champions} individuals by ward` : ''}` : counts[c.id]}
            </span>
          </div>
        ))}
        <div className="checkbox">
          <input id="layer-closed" type="checkbox" checked={showClosed} onChange={(e) => setShare({ showClosed: e.target.checked })} />
          <label htmlFor="layer-closed">Include closed libraries (history)</label>
        </div>
      </fieldset>
      <p className="sub">Faded symbols lie just outside the borough: residents cross boundaries. Food banks marked unverified come from a secondary listing; the food bank list is incomplete.</p>

      <h3>Community hubs and champions</h3>
      {!userHubs ? (
        <p className="sub">
          The council’s list of community hubs and community wellbeing champions is not published as open data, so none is shipped. Load your own list (CSV, one row per hub,
          organisation or champion). It stays in this browser. Champions who are individuals are only ever shown as counts per ward.
        </p>
      ) : null}
      <FileField id="hubs-file" label="Load hubs and champions" accept=".csv,text/csv" onFile={(f) => void onFile(f)} />
      <div className="button-row">
        <button type="button" onClick={() => downloadText('hubs-and-champions-template.csv', HUBS_TEMPLATE_CSV, 'text/csv')}>
          Download blank template
        </button>
        {userHubs ? (
          <button
            type="button"
            onClick={() => {
              setUserHubs(null);
              say('Removed the loaded list of hubs and champions.');
            }}
          >
            Remove loaded list
          </button>
        ) : null}
      </div>
      <NoticeLine notice={notice} className="hubs-status" />
      {userHubs?.rejected.length ? (
        <div className="rejected">
          <LazyList
            summary={`${userHubs.rejected.length.toLocaleString('en-GB')} row${userHubs.rejected.length === 1 ? '' : 's'} could not be placed`}
            items={userHubs.rejected}
            defaultOpen
            more="fix them in the file and load it again"
            render={(r) => (
              <li key={r.row}>
                Row {r.row}: {r.reason}
              </li>
            )}
          />
        </div>
      ) : null}
      {userHubs?.warnings.length ? (
        <div className="hubs-warnings">
          <LazyList
            summary={`${userHubs.warnings.length.toLocaleString('en-GB')} thing${userHubs.warnings.length === 1 ? '' : 's'} to check in ${userHubs.fileName} (the rows were still used)`}
            items={userHubs.warnings}
            more="check the file in a spreadsheet"
            render={(w) => <li key={w}>{w}</li>}
          />
        </div>
      ) : null}
      {userHubs && champions > 0 ? (
        <details>
          <summary>Community champions by ward</summary>
          <ul className="sub">
            {Object.entries(userHubs.championCounts).map(([code, n]) => (
              <li key={code}>
                {bundle.areas.ward.names[bundle.areas.ward.codes.indexOf(code)] ?? code}: {n}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <details>
        <summary>The file format</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Needed</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {HUBS_SCHEMA_DOC.map((d) => (
              <tr key={d.column}>
                <td>
                  <code>{d.column}</code>
                </td>
                <td>{d.required}</td>
                <td>
                  {d.description} {d.format}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <LazyList
        summary={`List of assets shown (${shown.length.toLocaleString('en-GB')})`}
        items={shown}
        className="asset-list"
        more="use Near here or the map"
        render={(a) => (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => setSelectedAsset(a.id)}>
              {a.name}
            </button>{' '}
            <span className="sub">{ASSET_CATEGORIES.find((c) => c.id === a.category)?.label}</span>
          </li>
        )}
      />
      <AssetDetails />
    </section>
  );
}
