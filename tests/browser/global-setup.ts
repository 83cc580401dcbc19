import { preview } from 'vite';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

/** Serve the built app (dist/) on a free loopback port for the browser tests. */
export default async function setup(project: TestProject) {
  // DIST_DIR lets several people test their own builds side by side (default: dist/, as npm run build writes).
  const outDir = process.env.DIST_DIR ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run "npm run build" first (npm run test:browser does).`);
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not start');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
