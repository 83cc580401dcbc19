import type { Plugin } from 'vite';
import type { Rolldown } from 'vite';
type OutputChunk = Rolldown.OutputChunk;

/** The attribute that marks the map chunk's preload links in the built index.html (read by scripts/bench/size.ts). */
export const MAP_PRELOAD_ATTR = 'data-map-chunk';

/**
 * Starts downloading the lazily loaded map chunk (MapLibre) with the page rather than once the app's code has
 * run: the download overlaps the app's own start-up. The chunk is still loaded with import() (by
 * src/map/early.ts as the app starts), not as a module script, and stays outside the initial module graph; its
 * links carry `data-map-chunk`, which the size budget leaves out of "initial JS" as the issue defines it ("without the lazily loaded map chunk").
 */
export function preloadMapChunk(entry = '/src/map/MapView.tsx'): Plugin {
  return {
    name: 'nhe-preload-map-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c): c is OutputChunk => c.type === 'chunk');
        const map = chunks.find((c) => c.facadeModuleId?.endsWith(entry));
        if (!map) return html;
        // The entry's own static graph is loaded anyway; preload only what the map chunk adds.
        const initial = new Set<string>();
        const walk = (f: string) => {
          if (initial.has(f)) return;
          initial.add(f);
          chunks.find((c) => c.fileName === f)?.imports.forEach(walk);
        };
        chunks.filter((c) => c.isEntry).forEach((c) => walk(c.fileName));
        const files = [map.fileName, ...map.imports.filter((f) => !initial.has(f))];
        // Its stylesheet too: Vite's loader waits for a lazy chunk's CSS before running the chunk.
        const css = [...(map.viteMetadata?.importedCss ?? [])];
        const links = [
          ...files.map((f) => `<link rel="modulepreload" crossorigin href="./${f}" ${MAP_PRELOAD_ATTR}>`),
          ...css.map((f) => `<link rel="preload" as="style" crossorigin href="./${f}" ${MAP_PRELOAD_ATTR}>`),
        ];
        // Before everything else the page loads (right after its <meta> tags): the map's code is the first view's
        // largest download, and with six connections per host (HTTP/1.1) it otherwise waits behind the app's small chunks.
        if (!html.includes('<title>')) throw new Error('preloadMapChunk: index.html has no <title> to put the map preloads before');
        return html.replace('<title>', () => `${links.join('\n    ')}\n    <title>`);
      },
    },
  };
}
