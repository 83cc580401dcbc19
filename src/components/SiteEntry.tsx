import { lazy, Suspense, useState } from 'react';
import { useStore } from '../store';

const SiteAppraisalPanel = lazy(() => import('./SiteAppraisal'));

/** The planner's entry point. The appraisal code loads only when someone starts one (or a link holds a site). */
export function SiteEntry() {
  const hasSite = useStore((s) => !!s.site);
  const [open, setOpen] = useState(false);
  const active = open || hasSite;
  return (
    <section className="site" aria-labelledby="site-title">
      <h2 id="site-title">Planning: health impact screening</h2>
      <button type="button" aria-expanded={active} onClick={() => setOpen(!active)}>
        Appraise a site
      </button>
      {active ? (
        <Suspense fallback={<p role="status">Loading the site appraisal tools…</p>}>
          <SiteAppraisalPanel />
        </Suspense>
      ) : null}
    </section>
  );
}
