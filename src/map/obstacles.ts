import type { Box } from '../lib/labels/placement';

/**
 * Boxes (map pixels) that HTML symbols take up, published by their layers after each layout, so the place
 * names can keep clear of them. Symbols are data; names give way to them.
 */
const byOwner = new Map<string, Box[]>();
const listeners = new Set<() => void>();

export function setObstacles(owner: string, boxes: Box[]) {
  byOwner.set(owner, boxes);
  listeners.forEach((l) => l());
}

export function obstacles(): Box[] {
  return [...byOwner.values()].flat();
}

/** Calls `listener` whenever any layer publishes new boxes; returns the unsubscribe. */
export function onObstacles(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
