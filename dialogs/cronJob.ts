/**
 * A job run by node-cron, one run at a time per instance: a run asked for while one is going joins
 * it, errors are logged (never thrown into node-cron), and `stop()` waits for a running one. The
 * digest scheduler and the nightly retention are both such jobs.
 */
import nodeCron from 'node-cron';
import type { Logger } from 'pino';
import { errorSummary } from '../domain/errors';

/** The part of node-cron the jobs use (a fake in tests). */
export interface CronLike {
  schedule(
    expression: string,
    func: () => unknown,
    options: {
      timezone: string;
      name?: string;
      noOverlap?: boolean;
      logger?: { info(m: string): void; warn(m: string): void; error(m: string | Error, e?: Error): void; debug(m: string | Error, e?: Error): void };
    },
  ): { stop(): void | Promise<void>; destroy(): void | Promise<void> };
}

export interface CronJobOptions<T> {
  name: string;
  pattern: string;
  timezone: string;
  log: Logger;
  /** One run; its result is handed to whoever asked for it. */
  work: () => Promise<T>;
  /** Logged (with the error's kind only) when a run fails. */
  failureMessage: string;
  /** Fields of the "started" log line. */
  startedFields?: Record<string, unknown>;
  startedMessage: string;
  /** Run once at start-up too (a catch-up). */
  runAtStart?: boolean;
  cron?: CronLike;
}

export interface CronJob<T> {
  /** One run now, or the running one; undefined when it failed (logged). */
  run(): Promise<T | undefined>;
  start(): void;
  stop(): Promise<void>;
}

export function createCronJob<T>(options: CronJobOptions<T>): CronJob<T> {
  const { log } = options;
  let task: ReturnType<CronLike['schedule']> | undefined;
  let running: Promise<T | undefined> | undefined;

  const run = (): Promise<T | undefined> => {
    if (running) return running;
    running = options
      .work()
      .catch((error: unknown) => {
        log.error({ err: errorSummary(error) }, options.failureMessage);
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    run,
    start() {
      if (task) return;
      const cron = options.cron ?? (nodeCron as unknown as CronLike);
      task = cron.schedule(options.pattern, () => run(), {
        timezone: options.timezone,
        name: options.name,
        noOverlap: true,
        logger: {
          info: (m) => log.debug({ cron: m }, 'node-cron'),
          warn: (m) => log.warn({ cron: m }, 'node-cron'),
          error: (m) => log.error({ cron: String(m) }, 'node-cron'),
          debug: (m) => log.debug({ cron: String(m) }, 'node-cron'),
        },
      });
      log.info({ pattern: options.pattern, timezone: options.timezone, ...options.startedFields }, options.startedMessage);
      if (options.runAtStart) void run();
    },
    async stop() {
      const current = task;
      task = undefined;
      if (current) {
        await current.stop();
        await current.destroy();
      }
      await running;
    },
  };
}
