import { ConsoleLogger, type ConsoleLoggerOptions, type LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-context';

// Nest's start-up chatter: one line per module, route and controller. Shown at debug level only.
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Colour only for a person at a terminal: never in files, pipes or journals, never with NO_COLOR set. */
export function colorsWanted(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

/** Nest's console logger with the current request id on every line logged during a request. */
export class KalamLogger extends ConsoleLogger {
  constructor(context?: string, options: ConsoleLoggerOptions = {}) {
    // Nest colours unless NO_COLOR is set, even when writing to a file; we also ask for a terminal.
    super(context as string, { colors: colorsWanted(), ...options });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context) && !this.isLevelEnabled('debug')) return;
    super.log(message, ...rest);
  }

  protected override formatMessage(
    logLevel: LogLevel,
    message: unknown,
    pidMessage: string,
    formattedLogLevel: string,
    contextMessage: string,
    timestampDiff: string,
  ): string {
    const requestId = currentRequestId();
    const context = requestId ? `${contextMessage}[req ${requestId}] ` : contextMessage;
    return super.formatMessage(logLevel, message, pidMessage, formattedLogLevel, context, timestampDiff);
  }
}

export const LOG_LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};
