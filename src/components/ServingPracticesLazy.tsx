import { lazy, Suspense } from 'react';

/**
 * "Practices serving this area", loaded when first shown: it sits at the foot of a profile or comparison, so the
 * first screen does not wait for it (and the first download stays inside its budget).
 */
const Area = lazy(() => import('./ServingPractices').then((m) => ({ default: m.AreaServingPractices })));
const Comparison = lazy(() => import('./ServingPractices').then((m) => ({ default: m.ComparisonServingPractices })));

export function AreaServingPractices(props: { geography: 'lsoa' | 'msoa' | 'ward'; index: number }) {
  return (
    <Suspense fallback={null}>
      <Area {...props} />
    </Suspense>
  );
}

export function ComparisonServingPractices() {
  return (
    <Suspense fallback={null}>
      <Comparison />
    </Suspense>
  );
}
