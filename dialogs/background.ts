/**
 * Work that goes on after a turn has been answered (Teams wants an answer within 15 s): tracked, so
 * a shutdown waits for it, and its failures are logged instead of lost.
 */
import type { Logger } from 'pino';

export interface BackgroundTasks {
  /** Starts `task` now, without waiting for it. */
  run(name: string, task: () => Promise<void>): void;
  /** Resolves when every started task has settled. */
  drain(): Promise<void>;
}

export function createBackgroundTasks(logger: Logger): BackgroundTasks {
  const running = new Set<Promise<void>>();
  return {
    run(name, task) {
      const promise = Promise.resolve()
        .then(task)
        .catch((error: unknown) => logger.error({ task: name, errorType: (error as Error)?.name }, 'background task failed'))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
