/** Runs a task later. The follower's timers go through it, so tests decide when time passes. */
export interface Scheduler {
  after(delayMs: number, task: () => void): { cancel(): void };
}

/** Node's timers, unref'd: a pending check never keeps the process alive. */
export const systemScheduler: Scheduler = {
  after(delayMs, task) {
    const timer = setTimeout(task, delayMs);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
