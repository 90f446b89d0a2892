import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedNotification {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * The PI's notification endpoint in integration specs: a real HTTP server on 127.0.0.1 that
 * records every POST and answers PAP notifications with a resultnotification-response 1000.
 * `failNext(n)` answers the next n requests with 503 to exercise retries.
 */
export class NotifyServer {
  readonly received: ReceivedNotification[] = [];
  private failures = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<NotifyServer> {
    const server = createServer();
    const notify = new NotifyServer(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (notify.failures > 0) {
          notify.failures--;
          res.writeHead(503).end();
          return;
        }
        notify.received.push({ path: req.url ?? '', headers: req.headers, body });
        const pushId = /push-id="([^"]*)"/.exec(body)?.[1];
        if (pushId === undefined) return void res.writeHead(204).end();
        res.writeHead(200, { 'content-type': 'application/xml' }).end(resultNotificationResponse(pushId));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return notify;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  failNext(n: number): void {
    this.failures = n;
  }

  at(path: string): ReceivedNotification[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function resultNotificationResponse(pushId: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd">
<pap><resultnotification-response push-id="${pushId}"><response-result code="1000" desc="OK"/></resultnotification-response></pap>`;
}
