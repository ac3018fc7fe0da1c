import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePortPair, launchChromium, openPage } from './browser';
import { answers, compileApps, LAUNCHER_ADMIN, startLauncher, stopLauncher, until } from './processes';

/**
 * What a browser test of the workbench runs against: the compiled apps started by the launcher on
 * a fresh data dir (as `npm start` runs them), a Chromium, and a caller of the admin API with the
 * tokens of the people the test signs in.
 */
export class WorkbenchStack {
  /** Bearer tokens by the names the test gives its people; `admin` is the launcher's first admin. */
  readonly tokens: Record<string, string> = {};
  /** Uncaught errors and Content-Security-Policy refusals in any page: each test ends with none. */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly port: number,
    readonly browser: Browser,
    private readonly dataDir: string,
    private readonly launcher: ChildProcess,
  ) {}

  get admin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get delivery(): string {
    return `http://127.0.0.1:${this.port + 1}`;
  }

  static async start(chromiumPath: string, name: string): Promise<WorkbenchStack> {
    compileApps();
    const [dataDir, port] = await Promise.all([mkdtemp(path.join(tmpdir(), `kalam-${name}-`)), freePortPair()]);
    const launcher = startLauncher(dataDir, port);
    const [browser] = await Promise.all([
      launchChromium(chromiumPath),
      until(async () => (await answers(`http://127.0.0.1:${port}/health`)) && (await answers(`http://127.0.0.1:${port + 1}/health`)), 'both APIs'),
    ]);
    const stack = new WorkbenchStack(port, browser, dataDir, launcher);
    stack.tokens.admin = await stack.signIn(LAUNCHER_ADMIN);
    return stack;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await stopLauncher(this.launcher);
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** One call to the admin API as `who`; throws unless it answers one of `expected`. */
  async call(who: string | null, method: string, url: string, body?: unknown, version?: number, expected = [200, 201]): Promise<any> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (who) headers.authorization = `Bearer ${this.tokens[who]}`;
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    const response = await fetch(`${this.admin}/admin/v1${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!expected.includes(response.status)) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  async signIn({ email, password }: { email: string; password: string }): Promise<string> {
    return (await this.call(null, 'POST', '/auth/login', { email, password })).accessToken as string;
  }

  /** A page of its own (its own sign-in) in a browser asking for `locale`. */
  page(locale: string): Promise<Page> {
    return openPage(this.browser, locale, this.pageErrors);
  }
}
