import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { waitFor } from '@waken/testing';

const ROOT = resolve(__dirname, '../../../../../..');

/** One delivery app run from its main.ts as its own process (scripts/ts-register.cjs), as `nx serve` does. */
export class AppProcess {
  readonly lines: Array<Record<string, unknown>> = [];
  exitCode?: number | null;
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly app: string,
    private readonly child: ChildProcess,
  ) {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) this.lines.push(parse(line));
    });
    child.stderr?.on('data', (chunk: Buffer) => this.lines.push({ stderr: chunk.toString() }));
    this.exited = new Promise((done) => child.once('exit', (code) => done((this.exitCode = code))));
  }

  static async start(app: string, env: Record<string, string>): Promise<AppProcess> {
    const child = spawn(process.execPath, ['-r', './scripts/ts-register.cjs', `apps/${app}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const p = new AppProcess(app, child);
    await waitFor(() => p.url ?? (p.exitCode !== undefined && Promise.reject(new Error(`${app} exited ${p.exitCode}: ${p.tail()}`))), { what: `${app} to start`, timeoutMs: 60_000 });
    return p;
  }

  /** The health/metrics URL from the "started" log line. */
  get url(): string | undefined {
    return this.lines.find((l) => l.msg === `${this.app} started`)?.url as string | undefined;
  }

  logged(msg: string): boolean {
    return this.lines.some((l) => l.msg === msg);
  }

  /** SIGTERM (the graceful path) and the exit code. */
  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Last resort for afterAll: only this child, by its pid. */
  kill(): void {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
  }

  tail(): string {
    return this.lines.slice(-5).map((l) => JSON.stringify(l)).join('\n');
  }
}

function parse(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { text: line };
  }
}
