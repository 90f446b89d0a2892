import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HeaderField } from '@waken/client';
import type { WakenDevice } from '../device/waken-device';

export interface HttpSirReceiverOptions {
  readonly host: string;
  readonly port?: number;
  /** `/push/<key>` → the device behind it. */
  readonly resolve: (key: string) => WakenDevice | undefined;
}

/** Larger than any SIR (the JSON decoder's own cap is 32 KiB); refused while streaming (reliability.md #6). */
const MAX_BODY = 64 * 1024;
const TIMEOUT_MS = 30_000;

/**
 * seed §C1 over HTTP: `POST /push/<key>` with the SIR as body. 202 once read (acting on it is the
 * device's business), 400 for a body that is no SIR, 404 for an unknown device, 413 when too large.
 */
export class HttpSirReceiver {
  private constructor(private readonly server: Server) {}

  static open(options: HttpSirReceiverOptions): Promise<HttpSirReceiver> {
    const server = createServer((req, res) => void handle(options, req, res));
    server.requestTimeout = TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host, () => resolve(new HttpSirReceiver(server)));
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function handle(options: HttpSirReceiverOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = /^\/push\/([^/?]+)$/.exec(req.url ?? '');
  const device = match ? options.resolve(decodeURIComponent(match[1])) : undefined;
  if (!device) return answer(res, 404);
  const body = await readBody(req);
  if (!body) return answer(res, 413);
  const outcome = await device.receiveHttp({ method: req.method ?? 'GET', headers: fieldsOf(req), body });
  answer(res, outcome.kind === 'undecodable' ? 400 : 202);
}

function fieldsOf(req: IncomingMessage): HeaderField[] {
  const fields: HeaderField[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) fields.push({ name: req.rawHeaders[i], value: req.rawHeaders[i + 1] });
  return fields;
}

/** Reads at most MAX_BODY octets; past that it drains the rest and yields undefined (a 413, not a reset). */
function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', () => resolve(undefined));
  });
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-length': '0' }).end();
}
