import { ConfigError, envString } from './config/env';

/**
 * Entry-point wrapper: a configuration mistake prints one line naming the variable and exits 1;
 * any other start-up failure prints its message (and stack only with LOG_LEVEL=debug).
 */
export function runMain(name: string, start: () => Promise<unknown>): void {
  start()
    .then(() => {
      if (!process.send) return;
      // Started by `npm start`'s launcher over an IPC channel: if the launcher dies (even kill -9),
      // the channel closes and this app shuts down cleanly instead of living on as an orphan.
      // The channel must not keep the process alive by itself.
      process.channel?.unref();
      process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
      process.send({ kalam: 'ready', app: name });
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`kalam ${name}: configuration error: ${error.message}\n`);
      } else {
        const level = envString(process.env, 'LOG_LEVEL');
        const verbose = level === 'debug' || level === 'verbose';
        const text = error instanceof Error ? (verbose ? (error.stack ?? error.message) : error.message) : String(error);
        process.stderr.write(`kalam ${name}: failed to start: ${text}\n`);
      }
      process.exit(1);
    });
}
