import { ConfigError } from './config/env';

/**
 * Entry-point wrapper: a configuration mistake prints one line naming the variable and exits 1;
 * any other start-up failure prints its message (and stack only with LOG_LEVEL=debug).
 */
export function runMain(name: string, start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`kalam ${name}: configuration error: ${error.message}\n`);
    } else {
      const verbose = process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'verbose';
      const text = error instanceof Error ? (verbose ? (error.stack ?? error.message) : error.message) : String(error);
      process.stderr.write(`kalam ${name}: failed to start: ${text}\n`);
    }
    process.exit(1);
  });
}
