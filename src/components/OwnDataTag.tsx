import { useStore } from '../store';
import type { IndicatorRecord } from '../lib/core/types';

/**
 * Wherever an indicator is shown: a tag saying it is the person's own data (with their file name), or,
 * for GP-recorded conditions apportioned from their patients-by-LSOA file, which method is in force.
 */
export function OwnDataTag({ ind }: { ind: IndicatorRecord }) {
  const exact = useStore((s) => s.exactQof);
  if (ind.userFile) return <span className="tag your-data-tag">your data: {ind.userFile}</span>;
  if (ind.qof && exact && !ind.modelled) return <span className="tag your-data-tag">from registered patients by LSOA ({exact.fileName})</span>;
  return null;
}
