import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject, expect, beforeAll, afterAll, afterEach } from 'vitest';

/**
 * Shared browser-test harness: Debian's Chromium driven by playwright-core against the built app.
 * Every page fails its test if a request leaves localhost or the console reports an error.
 */
const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch Chromium; `args` are added to the usual flags (e.g. to switch WebGL off). */
export async function launch(args: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...args],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave localhost. */
  external: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  baseUrl: string;
  /** Assert nothing left localhost and nothing was logged as an error. */
  assertClean: () => void;
}

/**
 * Session options. `allowConsole`: console errors matching any of these are expected (e.g. Chromium's own
 * "Failed to load resource" line for a 404 a test serves on purpose) and do not fail the test; default none.
 */
export interface SessionOptions {
  viewport?: { width: number; height: number };
  allowConsole?: RegExp[];
}

export async function openSession(browser: Browser, opts: SessionOptions = {}): Promise<Session> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, acceptDownloads: true });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !opts.allowConsole?.some((re) => re.test(m.text()))) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    context,
    page,
    external,
    errors,
    baseUrl,
    assertClean: () => {
      expect(external, 'requests that left localhost').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
  };
}

/** Search a postcode as a person does (type, wait for the suggestion, Enter) and return "Near here" once it lists assets. */
export async function nearPostcode(page: Page, postcode: string) {
  const box = page.getByLabel('Search postcode, place or area');
  await box.fill(postcode);
  await page.getByRole('option', { name: new RegExp(postcode) }).waitFor();
  await box.press('Enter');
  const near = page.getByRole('region', { name: 'Near here' });
  await near.getByText('Nearest to').waitFor();
  return near;
}

/** The "Tasks" navigation landmark. */
export const taskNav = (page: Page) => page.getByRole('navigation', { name: 'Tasks' });

/** Go to a task as a person does: its link in the "Tasks" navigation; resolves once that task's panel is shown. */
export async function chooseTask(page: Page, name: 'Explore areas' | 'Compare places' | 'Near me' | 'Appraise a site'): Promise<void> {
  await taskNav(page).getByRole('link', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('#task-title')?.textContent === n, name);
}

/** Phone size used by the journey tests (a common small phone, portrait). */
export const PHONE = { width: 375, height: 667 } as const;

/** The page must not scroll sideways: nothing wider than the screen (tables may scroll inside their own box). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, client, wide } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 1 && !el.closest('.maplibregl-map'))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  expect(scroll, `page scrolls sideways; wider than the screen: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
}

/** Open the app (optionally with a query) and wait until the map has drawn the expected view. */
export async function openApp(s: Session, query = ''): Promise<void> {
  await s.page.goto(`${s.baseUrl}${query ? `?${query.replace(/^\?/, '')}` : ''}`);
  await waitForMapIdle(s.page);
}

/** Wait for the DOM "map idle" signal for the current view (set by the map after it renders). */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const wrap = document.querySelector('.map-wrap');
      const map = document.querySelector('[data-testid="map"]');
      const q = new URLSearchParams(location.search);
      const key = `${q.get('geo') ?? 'ward'}|${q.get('ind') ?? 'imd_score'}|${q.get('mode') ?? 'value'}|${q.get('classes') ?? 'quantile'}`;
      return wrap?.getAttribute('data-map-state') === 'idle' && map?.getAttribute('data-rendered') === key;
    },
    undefined,
    { timeout },
  );
}

/** Run axe-core on the page; returns violations (id: impact: nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const src = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: src });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

/**
 * Register a suite's browser: one Chromium per file, and every session opened through it is
 * checked (nothing left localhost, no console errors) and closed after each test.
 */
export function useBrowser(opts: { args?: readonly string[] } = {}): { session: (opts?: SessionOptions) => Promise<Session> } {
  let browser: Browser | undefined;
  let open: Session[] = [];
  beforeAll(async () => {
    browser = await launch(opts.args);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const sessions = open;
    open = [];
    try {
      for (const sess of sessions) sess.assertClean();
    } finally {
      for (const sess of sessions) await sess.context.close().catch(() => undefined);
    }
  });
  return {
    session: async (opts) => {
      const sess = await openSession(browser!, opts);
      open.push(sess);
      return sess;
    },
  };
}

/** A data file of the build under test (dist/, or DIST_DIR when set), as text. */
export function builtData(file: string): string {
  return readFileSync(`${process.env.DIST_DIR ?? 'dist'}/data/${file}`, 'utf8');
}
