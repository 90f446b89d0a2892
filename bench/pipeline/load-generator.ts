import { ChildProcess, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { AcceptedPush, ChildMessage, LoadPlan, LoadStats } from './load-plan';

const ROOT = resolve(__dirname, '../..');

/** One run in progress: live stats, the accepted pushes so far, and stop(). */
export interface LoadHandle {
  readonly accepted: AcceptedPush[];
  latest(): LoadStats | undefined;
  /** Tells the generator how many of this run's pushes reached the far end (closed loop's backlog). */
  delivered(count: number): void;
  /** Stops submitting, waits for the answers in flight; the final stats. */
  stop(): Promise<LoadStats>;
  /** Whether the child is still alive (a crash ends the run early). */
  pid: number;
}

/**
 * The load generator as a separate process (bench/pipeline/load-worker.ts), so HTTP submission does
 * not share an event loop with the bench's observers. One run at a time.
 */
export class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<LoadGenerator> {
    const child = fork(join(__dirname, 'load-worker.ts'), [], { cwd: ROOT, execArgv: ['-r', join(ROOT, 'scripts/ts-register.cjs')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((ok, fail) => {
      child.once('message', (m: ChildMessage) => (m.type === 'ready' ? ok() : fail(new Error(`load worker: ${JSON.stringify(m)}`))));
      child.once('exit', (code) => fail(new Error(`load worker exited with ${code}`)));
    });
    return new LoadGenerator(child);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  run(plan: LoadPlan): LoadHandle {
    const accepted: AcceptedPush[] = [];
    let latest: LoadStats | undefined;
    let finish: (s: LoadStats) => void = () => undefined;
    let fail: (e: Error) => void = () => undefined;
    const done = new Promise<LoadStats>((ok, ko) => ((finish = ok), (fail = ko)));
    const onMessage = (m: ChildMessage) => {
      if (m.type === 'accepted') for (const a of m.items) accepted.push(a);
      else if (m.type === 'tick') latest = m.stats;
      else if (m.type === 'done') finish(m.stats);
      else if (m.type === 'failed') fail(new Error(`load worker: ${m.message}`));
    };
    const onExit = (code: number | null) => fail(new Error(`load worker exited with ${code}`));
    this.child.on('message', onMessage);
    this.child.once('exit', onExit);
    void done.catch(() => undefined).finally(() => {
      this.child.off('message', onMessage);
      this.child.off('exit', onExit);
    });
    this.child.send({ type: 'run', plan });
    return {
      accepted,
      pid: this.pid,
      latest: () => latest,
      delivered: (count) => void (this.child.connected && this.child.send({ type: 'delivered', count })),
      stop: async () => {
        this.child.send({ type: 'stop' });
        const stats = await done;
        latest = stats;
        return stats;
      },
    };
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
