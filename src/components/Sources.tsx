import { useStore } from '../store';

/** Sources and attribution: required by the data licences, in every task (one click away, and printed). */
export function Sources() {
  const bundle = useStore((s) => s.bundle)!;
  return (
    <details className="sources">
      <summary>Sources and attribution</summary>
      <ul>
        {bundle.place.attribution.map((a) => (
          <li key={a.text}>{a.text}</li>
        ))}
      </ul>
      <p className="sub">Data built {new Date(bundle.builtAt).toLocaleDateString('en-GB')}. Everything runs in your browser; nothing you search or load is sent anywhere.</p>
    </details>
  );
}
