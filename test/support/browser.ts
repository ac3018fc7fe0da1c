import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { source as AXE_SOURCE } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { ROOT } from './processes';

/**
 * Browser tests drive the system's Chromium through playwright-core (no browser of Playwright's
 * own is downloaded). Where none is installed the suite is skipped, saying so, rather than failing.
 */

// The project type-checks as Node code, without the DOM's types: page functions, which run in the
// browser, reach the page's globals through these.
declare const window: any;
declare const document: any;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** CHROMIUM_PATH, else the first Chromium of the usual Debian and Ubuntu places; undefined when there is none. */
export function findChromium(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Headless; --no-sandbox because CI runs as root in a container, where Chromium's sandbox cannot start. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The serious and critical WCAG 2.1 A/AA (and best-practice) violations axe finds on the page as it is now.
 * axe-core's own build is evaluated over the DevTools protocol: page.addScriptTag would add an
 * inline script, which the workbench's Content-Security-Policy (script-src 'self') rightly refuses,
 * and the tests keep that policy on so that the app runs under it as it does for users.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE};undefined`);
  const violations = await page.evaluate(async (): Promise<AxeViolation[]> => {
    const result: { violations: AxeViolation[] } = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation, naming the rule and the elements, for a failing assertion's message. */
export const describeViolations = (violations: AxeViolation[]): string =>
  violations.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

/** The page's width and the window's: the page fits (nothing scrolls sideways) when scrollWidth <= innerWidth. */
export const widths = (page: Page): Promise<{ scrollWidth: number; innerWidth: number }> =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth as number, innerWidth: window.innerWidth as number }));

export const SCREENSHOT_DIR = path.join(ROOT, 'docs/screenshots');

/**
 * A full-page PNG in docs/screenshots, only when SCREENSHOTS=1 (so an ordinary run leaves the tree
 * as it was), in a palette of 256 colours: a third of the size, and the UI's flat colours survive.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const png = await page.screenshot({ fullPage: true });
  await sharp(png)
    .png({ palette: true, compressionLevel: 9 })
    .toFile(path.join(SCREENSHOT_DIR, `${name}.png`));
}

export const WIDE = { width: 1440, height: 900 };
export const NARROW = { width: 360, height: 780 };

/**
 * A page in a browser context of its own (its own sign-in), with the language the browser asks
 * for. Uncaught errors and Content-Security-Policy refusals are pushed to `errors`.
 */
export async function openPage(browser: Browser, locale: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: WIDE });
  // A step that does not happen fails in seconds, not at Jest's timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) errors.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/**
 * The screen as it is, at a desktop and a phone width: nothing scrolls sideways, axe finds no
 * serious or critical violation, and (SCREENSHOTS=1) a full-page picture of each.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  for (const size of [WIDE, NARROW]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(resolve)));
    const { scrollWidth, innerWidth } = await widths(page);
    expect({ screen: name, width: size.width, scrollWidth, fits: scrollWidth <= innerWidth }).toMatchObject({ screen: name, width: size.width, fits: true });
    const violations = await axe(page);
    expect(`${name} at ${size.width}px: ${describeViolations(violations) || 'no serious or critical violations'}`).toBe(
      `${name} at ${size.width}px: no serious or critical violations`,
    );
    await screenshot(page, `${name}-${size.width}`);
  }
  await page.setViewportSize(WIDE);
}

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A port whose next one is free too (the admin API takes it, the delivery API the next). */
export async function freePortPair(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if ((await bindable(port)) && (await bindable(port + 1))) return port;
  }
}
