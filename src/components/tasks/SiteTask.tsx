import { lazy, Suspense } from 'react';
import { TaskPanel } from './TaskPanel';
import { Sources } from '../Sources';
import { WithValues } from '../WithValues';

// The appraisal code (turf, proj4) loads only when someone opens this task.
const SiteAppraisalPanel = lazy(() => import('../SiteAppraisal'));

/** Appraise a site: enter a postcode, pin, boundary or file; read and take away the screening summary. */
export function SiteTask() {
  return (
    <TaskPanel id="site">
      <div className="site">
        <Suspense fallback={<p role="status">Loading the site appraisal tools…</p>}>
          <WithValues ids="all">
            <SiteAppraisalPanel />
          </WithValues>
        </Suspense>
      </div>
      <Sources />
    </TaskPanel>
  );
}
