import { create } from 'zustand';
import type { IndicatorRecord } from '../lib/core/types';
import { createShareSlice, type ShareSlice } from './share';
import { createDataSlice, type DataSlice } from './data';
import { createUiSlice, type UiSlice } from './ui';

export type { UserHubs } from './data';
export type { Draft, MapTool, CameraRequest, PostcodeHit } from './ui';

/** The one store, in three slices: shareable state (the URL's), loaded data, and transient interface state. */
export type AppState = ShareSlice & DataSlice & UiSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createShareSlice(...a),
  ...createDataSlice(...a),
  ...createUiSlice(...a),
}));

/** The indicator record for the current selection of indicator. */
export function currentIndicator(s: Pick<AppState, 'bundle' | 'indicator'>): IndicatorRecord | null {
  return s.bundle?.indicators.find((i) => i.id === s.indicator) ?? null;
}
