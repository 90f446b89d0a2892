import { AddressInfo, Server } from 'node:net';

// The npm `smpp` package (0.5.1, no type definitions) is the independent SMPP implementation the
// integration specs talk to; only tests use it, never the library.
interface NpmPdu {
  command: string;
  command_status: number;
  sequence_number: number;
  [field: string]: unknown;
  response(options?: object): NpmPdu;
}
interface NpmSession {
  socket: { write(bytes: Buffer): boolean };
  on(event: string, listener: (pdu: NpmPdu) => void): void;
  send(pdu: NpmPdu): boolean;
  deliver_sm(options: object, onResponse: (pdu: NpmPdu) => void): boolean;
  enquire_link(options: object, onResponse: (pdu: NpmPdu) => void): boolean;
  destroy(): void;
}
interface NpmSmpp {
  createServer(listener: (session: NpmSession) => void): Server & { sessions: NpmSession[] };
  ESME_RINVPASWD: number;
}
// smpp 0.5.1 ships no types, hence require() and the local interfaces above.
const smpp = require('smpp') as NpmSmpp;

export interface ReceivedPdu {
  session: number;
  pdu: NpmPdu;
  at: number;
}

/** An SMSC built on npm `smpp`'s server: checks the password, answers submits, records everything. */
export class NpmSmppServer {
  readonly received: ReceivedPdu[] = [];
  readonly sessions: NpmSession[] = [];
  password = 'secret';
  submitDelayMs = 0;
  holdSubmits = false;
  outstanding = 0;
  maxOutstanding = 0;
  private nextId = 1;
  private readonly server = smpp.createServer((session) => this.accept(session));

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.server.sessions) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  commands(session?: number): string[] {
    return this.received.filter((r) => session === undefined || r.session === session).map((r) => r.pdu.command);
  }

  submits(): ReceivedPdu[] {
    return this.received.filter((r) => r.pdu.command === 'submit_sm');
  }

  /** SMPP 3.4 Appendix B receipt with the receipted_message_id / message_state TLVs. */
  sendReceipt(session: number, messageId: string, stat: string, state: number): Promise<NpmPdu> {
    const text = `id:${messageId} sub:001 dlvrd:001 submit date:2611261000 done date:2611261001 stat:${stat} err:000 text:`;
    const options = { source_addr: '438323546', esm_class: 4, short_message: Buffer.from(text, 'latin1'), receipted_message_id: messageId, message_state: state };
    return new Promise((resolve) => this.sessions[session].deliver_sm(options, resolve));
  }

  private accept(session: NpmSession): void {
    const index = this.sessions.push(session) - 1;
    session.on('error', () => undefined);
    session.on('pdu', (pdu) => this.received.push({ session: index, pdu, at: Date.now() }));
    const bind = (pdu: NpmPdu) => session.send(pdu.response({ command_status: pdu.password === this.password ? 0 : smpp.ESME_RINVPASWD, system_id: 'npm-smsc' }));
    session.on('bind_transceiver', bind);
    session.on('bind_transmitter', bind);
    session.on('enquire_link', (pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu) => session.send(pdu.response()));
    session.on('submit_sm', (pdu) => this.onSubmit(session, pdu));
  }

  private onSubmit(session: NpmSession, pdu: NpmPdu): void {
    this.outstanding += 1;
    this.maxOutstanding = Math.max(this.maxOutstanding, this.outstanding);
    if (this.holdSubmits) return;
    const answer = () => {
      this.outstanding -= 1;
      session.send(pdu.response({ message_id: `smsc-${this.nextId++}` }));
    };
    if (this.submitDelayMs > 0) setTimeout(answer, this.submitDelayMs);
    else answer();
  }
}
