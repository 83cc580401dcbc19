/**
 * Render counts per component, kept only when a test asks for them by defining `window.__NHE_RENDERS`
 * (an object) before the app starts; otherwise this does nothing. Browser tests use it to prove that a
 * change (e.g. of indicator) re-renders only the parts of the panel that show it.
 */
export function countRender(name: string): void {
  const counts = (globalThis as { __NHE_RENDERS?: Record<string, number> }).__NHE_RENDERS;
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}
