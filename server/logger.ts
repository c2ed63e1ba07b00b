import type { LogLevel, Logger } from '../src/sip/ports';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: string): value is LogLevel {
  return value in RANK;
}

/** A Logger that drops entries below `min`, and tells callers whether a level is on
 *  so they can skip building expensive debug text. */
export interface LevelLogger extends Logger {
  enabled(level: LogLevel): boolean;
}

export function withMinLevel(logger: Logger, min: LogLevel): LevelLogger {
  return {
    enabled: (level) => RANK[level] >= RANK[min],
    log(level, message, detail) {
      if (RANK[level] >= RANK[min]) logger.log(level, message, detail);
    },
  };
}

/** One line per entry on stdout (warnings and errors on stderr), prefixed with an ISO time. */
export const consoleLogger: Logger = {
  log(level, message, detail) {
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}`;
    const write = RANK[level] >= RANK.warn ? console.error : console.log;
    if (detail === undefined) write(line);
    else write(line, detail);
  },
};
