import { preview } from 'vite';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

/** Serve the built app (dist/) on a free loopback port for the browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run "npm run build" first (npm run test:browser does).');
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
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
