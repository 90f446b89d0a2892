import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from './wait-for';

const ROOT = resolve(__dirname, '../../..');

export interface ServiceProcessOptions {
  /** apps/<app>/src/main.ts */
  app: string;
  env: Record<string, string>;
  /** Port of its HTTP server: readiness is polled on /health/ready. */
  httpPort: number;
  logDir?: string;
  readyTimeoutMs?: number;
}

/**
 * One Waken service as its own OS process (end-to-end tests and the benchmark): started from
 * its sources, ready when /health/ready answers 200, stopped by its PID (TERM, then KILL).
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(readonly options: ServiceProcessOptions) {}

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.httpPort}`;
  }

  async start(): Promise<void> {
    const logDir = this.options.logDir ?? join(ROOT, '.run', 'logs');
    mkdirSync(logDir, { recursive: true });
    // appended: a restarted service (crash tests) keeps the log of the run before
    const log = createWriteStream(join(logDir, `${this.options.app}-${this.options.httpPort}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts/ts-register.cjs'), join(ROOT, `apps/${this.options.app}/src/main.ts`)], {
      cwd: ROOT,
      env: { ...process.env, HTTP_HOST: '127.0.0.1', HTTP_PORT: String(this.options.httpPort), ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // both streams feed one file: neither may end it while the other still writes
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    this.child = child;
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
    void this.exited.then(() => setImmediate(() => log.end()));
    let dead = false;
    void this.exited.then(() => (dead = true));
    // a crash ends the wait at once (the probe answers rather than throws: waitFor retries throws)
    await waitFor(
      async () => dead || (await fetch(`${this.url}/health/ready`).catch(() => undefined))?.status === 200,
      { timeoutMs: this.options.readyTimeoutMs ?? 60000, intervalMs: 200, what: `${this.options.app} ready` },
    );
    if (dead) throw new Error(`${this.options.app} exited during start; see ${logDir}`);
  }

  /** SIGTERM (graceful drain), SIGKILL after the grace period. */
  async stop(graceMs = 15000): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL now (crash tests). */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
