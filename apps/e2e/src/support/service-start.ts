import type { ServiceProcess } from '@waken/testing';

const WATCH_MS = 250;

/**
 * `ServiceProcess.start()`, failing as soon as the process is gone instead of at the readiness
 * deadline: its own exit check runs inside `waitFor`, which treats the thrown error as "not yet"
 * and keeps polling until the deadline (docs/e2e.md "Known issues").
 */
export async function startService(service: ServiceProcess, logDir: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const died = new Promise<never>((_, fail) => {
    timer = setInterval(() => {
      if (service.pid > 0 && !alive(service.pid)) fail(new Error(`${service.options.app} exited during start; see ${logDir}`));
    }, WATCH_MS);
  });
  try {
    await Promise.race([service.start(), died]);
  } finally {
    clearInterval(timer);
  }
}

/** Signal 0 checks that the PID exists; Node reaps its exited children, so a dead child is ESRCH. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
