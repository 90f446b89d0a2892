import { AddressInfo, Server } from 'node:net';

// The npm `smpp` package (0.5.1, untyped) as the independent SMSC of the integration specs.
interface NpmPdu {
  command: string;
  [field: string]: unknown;
  response(options?: object): NpmPdu;
}
interface NpmSession {
  on(event: string, listener: (pdu: NpmPdu) => void): void;
  send(pdu: NpmPdu): boolean;
  deliver_sm(options: object, onResponse: (pdu: NpmPdu) => void): boolean;
  destroy(): void;
}
interface NpmSmpp {
  createServer(listener: (session: NpmSession) => void): Server & { sessions: NpmSession[] };
}
// smpp 0.5.1 ships no types, hence require() and the local interfaces above.
const smpp = require('smpp') as NpmSmpp;

export interface SubmitSeen {
  pdu: NpmPdu;
  at: number;
  messageId: string;
}

/** An SMSC on 127.0.0.1 (port 0) that accepts every bind and submit and sends receipts on demand. */
export class NpmSmppServer {
  readonly submits: SubmitSeen[] = [];
  private readonly sessions: NpmSession[] = [];
  private nextId = 1;
  private readonly server = smpp.createServer((session) => this.accept(session));

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.sessions.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** SMPP 3.4 Appendix B receipt text plus the receipted_message_id / message_state TLVs. */
  sendReceipt(messageId: string, stat: string, state: number): Promise<unknown> {
    const text = `id:${messageId} sub:001 dlvrd:001 submit date:2611261000 done date:2611261001 stat:${stat} err:000 text:`;
    const options = { source_addr: '438323546', esm_class: 4, short_message: Buffer.from(text, 'latin1'), receipted_message_id: messageId, message_state: state };
    return new Promise((resolve) => this.sessions[this.sessions.length - 1].deliver_sm(options, resolve));
  }

  private accept(session: NpmSession): void {
    this.sessions.push(session);
    session.on('error', () => undefined);
    const bind = (pdu: NpmPdu) => session.send(pdu.response({ system_id: 'npm-smsc' }));
    session.on('bind_transceiver', bind);
    session.on('bind_transmitter', bind);
    session.on('enquire_link', (pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu) => session.send(pdu.response()));
    session.on('submit_sm', (pdu) => {
      const messageId = `smsc-${this.nextId++}`;
      this.submits.push({ pdu, at: Date.now(), messageId });
      session.send(pdu.response({ message_id: messageId }));
    });
  }
}
