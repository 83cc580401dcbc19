import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { useBrowser, waitForMapIdle, chooseTask, taskNav, axeViolations, openApp, PHONE, type Session } from './harness';

/**
 * Deployable anywhere static (issue 12, points 9 and 10): the built app served from a sub-path by a
 * plain file server that sends the recommended headers (README "Deploying"), including the strict
 * Content-Security-Policy; and the accessibility statement, reachable from every task.
 */
const CSP = "default-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'";
const SUB = '/sub/app/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  // A copy of the build under a sub-path, so the test can also publish a "new version" of it.
  root = mkdtempSync(join(tmpdir(), 'nhe-deploy-'));
  cpSync(process.env.DIST_DIR ?? 'dist', join(root, SUB), { recursive: true });
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    const hashed = path.startsWith(`${SUB}assets/`);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  if (root) rmSync(root, { recursive: true, force: true });
});

const suite = useBrowser();

/** Record Content-Security-Policy violations in the page (they are also console errors, which fail the test). */
async function watchCsp(s: Session) {
  await s.page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('deployed from a sub-path under a strict Content-Security-Policy', () => {
  it('loads the map, appraises a site and reads a CSV in Your data (worker allowed) with no violation', async () => {
    const s = await suite.session();
    await watchCsp(s);
    const res = await s.page.goto(`${origin}${SUB}`);
    expect(res?.headers()['content-security-policy']).toBe(CSP);
    await waitForMapIdle(s.page);
    expect(new URL(s.page.url()).pathname).toBe(SUB);

    // Appraise a site (its work may run in a worker).
    await chooseTask(s.page, 'Appraise a site');
    await s.page.getByLabel('Site postcode').fill('TS18 1LL');
    await s.page.getByRole('button', { name: 'Appraise postcode' }).click();
    const r = s.page.getByRole('region', { name: 'Site appraisal' });
    await r.waitFor({ timeout: 60_000 });
    expect(await r.innerText()).toContain('Within 400 m');

    // Your data: the file is parsed in a Web Worker, which worker-src must allow.
    await chooseTask(s.page, 'Explore areas');
    const csv = readFileSync('tests/fixtures/userdata/synthetic-lsoa-counts.csv');
    await s.page.getByLabel('Add your data').setInputFiles({ name: 'synthetic-lsoa-counts.csv', mimeType: 'text/csv', buffer: csv });
    const report = s.page.getByRole('region', { name: 'Your data' }).getByRole('region', { name: 'Check of your file' });
    await report.waitFor();
    expect(await report.innerText()).toMatch(/rows matched/);

    // Links within the app keep the sub-path.
    await taskNav(s.page).getByRole('link', { name: 'Near me', exact: true }).click();
    expect(new URL(s.page.url()).pathname).toBe(SUB);
    expect(await cspViolations(s.page)).toEqual([]);
  });

  it('a shared link with state in the query opens from the sub-path', async () => {
    const s = await suite.session();
    await watchCsp(s);
    await s.page.goto(`${origin}${SUB}?geo=lsoa&task=compare`);
    await waitForMapIdle(s.page);
    await s.page.waitForFunction(() => document.querySelector('#task-title')?.textContent === 'Compare places');
    expect(await cspViolations(s.page)).toEqual([]);
  });

  it('a new version is announced ("A new version is available — reload") and Reload switches to it', async () => {
    const s = await suite.session();
    await watchCsp(s);
    await s.page.goto(`${origin}${SUB}`);
    await waitForMapIdle(s.page);
    await waitForServiceWorker(s.page);
    const first = await s.page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    expect(new URL(first).pathname).toBe(`${SUB}sw.js`);
    // Publish a new version: a changed service worker.
    appendFileSync(join(root, SUB, 'sw.js'), `\n// new version ${Date.now()}\n`);
    await s.page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    const notice = s.page.getByRole('region', { name: 'App update' });
    await notice.getByText('A new version is available — reload').waitFor({ timeout: 30_000 });
    // (axe-core cannot be injected under this CSP; the notice is a named region with a status line and a button.)
    // Nothing changes until the person chooses Reload.
    await waitForMapIdle(s.page);
    const reloaded = s.page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await waitForMapIdle(s.page);
    expect(await s.page.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    const waiting = await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting);
    expect(waiting).toBeNull();
    expect(await cspViolations(s.page)).toEqual([]);
  });
});

describe.each([
  ['laptop', { width: 1366, height: 900 }],
  ['phone', PHONE],
] as const)('accessibility statement at %s size', (_size, viewport) => {
  it('opens from every task, reads its heading, closes with Escape or Close, and focus returns', async () => {
    const s = await suite.session({ viewport });
    await openApp(s);
    const open = s.page.getByRole('button', { name: 'Accessibility', exact: true });
    const dialog = s.page.getByRole('dialog', { name: 'Accessibility statement' });
    for (const task of ['Explore areas', 'Compare places', 'Near me', 'Appraise a site'] as const) {
      await chooseTask(s.page, task);
      await open.click();
      await dialog.waitFor();
      expect(await dialog.getByRole('heading', { level: 2 }).innerText()).toBe('Accessibility statement');
      // Focus starts in the dialog, at its heading.
      expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('a11y-title');
      // The statement's text loads when it is first opened.
      await dialog.getByRole('heading', { name: 'Reporting a problem' }).waitFor();
      const text = await dialog.innerText();
      for (const part of ['What we tested', 'Known limits', 'Reporting a problem', 'axe-core', 'OpenStreetMap']) expect(text).toContain(part);
      expect(await dialog.locator('a[href^="http"]').count()).toBe(0);
      if (task === 'Explore areas') expect(await axeViolations(s.page)).toEqual([]);
      await s.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Accessibility');
    }
    // The Close button works too, by keyboard.
    await open.focus();
    await s.page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await s.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Accessibility');
    expect(await axeViolations(s.page)).toEqual([]);
  });
});
