import { AddressInfo } from 'node:net';
import http from 'node:http';

/** A status, no answer at all, or a status after a delay. */
export type Step = number | 'hang' | { after: number; status: number };

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  remotePort: number;
}

/** A client push endpoint on 127.0.0.1 for the specs: answers each path from a per-path script. */
export class TestPushEndpoint {
  readonly seen: SeenRequest[] = [];
  private readonly server: http.Server;
  private readonly scripts = new Map<string, Step[]>();

  constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.seen.push({ method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks), remotePort: req.socket.remotePort ?? 0 });
        const script = this.scripts.get(path) ?? [200];
        const step = script.length > 1 ? (script.shift() as Step) : script[0];
        if (step === 'hang') return;
        const status = typeof step === 'number' ? step : step.status;
        if (status >= 300 && status < 400) res.setHeader('Location', 'http://127.0.0.1:1/elsewhere');
        setTimeout(() => res.writeHead(status).end('answer'), typeof step === 'number' ? 0 : step.after);
      });
    });
  }

  /** `path` answers these statuses in turn, the last one from then on. */
  script(path: string, statuses: Step[]): void {
    this.scripts.set(path, [...statuses]);
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  of(path: string): SeenRequest[] {
    return this.seen.filter((s) => s.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
