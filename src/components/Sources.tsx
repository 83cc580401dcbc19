import { useStore } from '../store';

/** Sources and attribution: required by the data licences, and shown in every view. */
export function Sources() {
  const bundle = useStore((s) => s.bundle)!;
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources and attribution</h2>
      <ul>
        {bundle.place.attribution.map((a) => (
          <li key={a.text}>{a.text}</li>
        ))}
      </ul>
      <p className="sub">Data built {new Date(bundle.builtAt).toLocaleDateString('en-GB')}. Everything runs in your browser; nothing you search or load is sent anywhere.</p>
    </section>
  );
}
