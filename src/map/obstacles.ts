import type { Box } from '../lib/labels/placement';

/**
 * Boxes (map pixels) that HTML symbols take up, published by their layers after each layout, so the place
 * names can keep clear of them. Symbols are data; names give way to them.
 */
const byOwner = new Map<string, Box[] | (() => Box[])>();
const listeners = new Set<() => void>();

/** Boxes, or a function giving them for the current view (for symbols that keep to one map point). */
export function setObstacles(owner: string, boxes: Box[] | (() => Box[])) {
  byOwner.set(owner, boxes);
  listeners.forEach((l) => l());
}

export function obstacles(): Box[] {
  return [...byOwner.values()].flatMap((b) => (typeof b === 'function' ? b() : b));
}

/** Calls `listener` whenever any layer publishes new boxes; returns the unsubscribe. */
export function onObstacles(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
