import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { PapPushSpec, PapResult, papPushMessage, readPapResult } from './pap-documents';

/** One result notification as the PI received it. */
export interface ReceivedNotification {
  /** X-Waken-Notification-Id: the push's internal id (docs/push-intake.md). */
  readonly notificationId: string;
  readonly contentType: string;
  readonly body: string;
}

/** The JSON view of a push (GET /v1/pushes/{pushId}); `id` is the pushId of the pipeline's events. */
export interface PushView {
  readonly id: string;
  readonly pushId: string;
  readonly state: string;
  readonly wake?: Record<string, unknown>;
}

const PAP_ANSWER = '<?xml version="1.0"?><pap><resultnotification-response push-id="e2e"><response-result code="1000" desc="OK"/></resultnotification-response></pap>';

/**
 * The Push Initiator of the suite (seed §S1, §S12): submits over PAP or the JSON API with its
 * API key and runs the HTTP endpoint its result notifications are POSTed to.
 */
export class PushInitiator {
  readonly notifications: ReceivedNotification[] = [];
  private server?: Server;
  private notifyUrl = '';

  constructor(
    private readonly intakeUrl: string,
    private readonly apiKey: string,
  ) {}

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const contentType = String(req.headers['content-type'] ?? '');
        this.notifications.push({ notificationId: String(req.headers['x-waken-notification-id'] ?? ''), contentType, body });
        res.writeHead(200, { 'content-type': contentType.includes('xml') ? 'application/xml' : 'text/plain' });
        res.end(contentType.includes('xml') ? PAP_ANSWER : 'ok');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    this.server = server;
    this.notifyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }

  /** POST /pap; resolves with the push's JSON view once PAP answered 1001 (accepted). */
  async pushPap(spec: Omit<PapPushSpec, 'notifyUrl'>): Promise<PushView> {
    const message = papPushMessage({ ...spec, notifyUrl: this.notifyUrl });
    const res = await fetch(`${this.intakeUrl}/pap`, { method: 'POST', headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': message.contentType }, body: message.body });
    const answer = await res.text();
    if (res.status !== 202 || !answer.includes('code="1001"')) throw new Error(`PAP push ${spec.pushId} not accepted: ${res.status} ${answer}`);
    return this.view(spec.pushId);
  }

  /** POST /v1/pushes with notifyUrl set to this PI's endpoint. */
  async pushJson(body: Record<string, unknown>): Promise<PushView> {
    const res = await fetch(`${this.intakeUrl}/v1/pushes`, {
      method: 'POST', headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...body, notifyUrl: this.notifyUrl }),
    });
    const text = await res.text();
    if (res.status !== 202) throw new Error(`JSON push not accepted: ${res.status} ${text}`);
    return JSON.parse(text) as PushView;
  }

  async view(pushId: string): Promise<PushView> {
    const res = await fetch(`${this.intakeUrl}/v1/pushes/${encodeURIComponent(pushId)}`, { headers: { authorization: `Bearer ${this.apiKey}` } });
    if (res.status !== 200) throw new Error(`GET push ${pushId}: ${res.status} ${await res.text()}`);
    return (await res.json()) as PushView;
  }

  notificationsOf(push: Pick<PushView, 'id'>): ReceivedNotification[] {
    return this.notifications.filter((n) => n.notificationId === push.id);
  }

  papResultOf(push: Pick<PushView, 'id'>): PapResult | undefined {
    const n = this.notificationsOf(push)[0];
    return n ? readPapResult(n.body) : undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
