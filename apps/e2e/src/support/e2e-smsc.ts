import { AddressInfo, Server } from 'node:net';

// The npm `smpp` package (0.5.1, no type definitions) is the SMSC: an SMPP implementation that is
// not ours, so delivery-sms is checked against someone else's reading of SMPP 3.4. It is CommonJS
// without types, hence require() and the local interfaces below.
interface NpmPdu {
  command: string;
  [field: string]: unknown;
  response(options?: object): NpmPdu;
}
interface NpmSession {
  on(event: string, listener: (pdu: NpmPdu) => void): void;
  send(pdu: NpmPdu): boolean;
  deliver_sm(options: object, onResponse?: (pdu: NpmPdu) => void): boolean;
  destroy(): void;
}
interface NpmSmpp {
  createServer(listener: (session: NpmSession) => void): Server;
}
const smpp = require('smpp') as NpmSmpp;

/** One submit_sm as the SMSC received it: the TP-User-Data a handset would get (UDH included). */
export interface SmscSubmit {
  readonly destination: string;
  readonly esmClass: number;
  readonly dataCoding: number;
  readonly userData: Uint8Array;
  readonly messageId: string;
}

/** What a handset does with one received SMS (wsp-wdp-sms.md §3: one TP-User-Data at a time). */
export type Handset = (userData: Uint8Array, origin: string) => unknown;

// SMPP 3.4 §5.2.28 message_state
const DELIVERED = 2;
const UNDELIVERABLE = 5;
const ORIGIN = '+43699000111';

/**
 * The SMSC of the end-to-end suite on 127.0.0.1 (port 0): accepts every bind, answers each
 * submit_sm, hands the segment to the handset registered for its MSISDN and returns a delivery
 * receipt (DELIVRD, or UNDELIV for a number nobody has).
 */
export class E2eSmsc {
  readonly submits: SmscSubmit[] = [];
  private readonly handsets = new Map<string, Handset>();
  private readonly sessions: NpmSession[] = [];
  private readonly server = smpp.createServer((session) => this.accept(session));
  private nextId = 1;

  async start(): Promise<number> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.sessions.forEach((s) => s.destroy());
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  /** `msisdn` in E.164 (`+43...`), as the registry's SMS activation method holds it. */
  attach(msisdn: string, handset: Handset): void {
    this.handsets.set(msisdn.replace(/^\+/, ''), handset);
  }

  submitsTo(msisdn: string): SmscSubmit[] {
    return this.submits.filter((s) => s.destination === msisdn.replace(/^\+/, ''));
  }

  private accept(session: NpmSession): void {
    this.sessions.push(session);
    session.on('error', () => undefined);
    const bind = (pdu: NpmPdu) => session.send(pdu.response({ system_id: 'e2e-smsc' }));
    session.on('bind_transceiver', bind);
    session.on('bind_transmitter', bind);
    session.on('enquire_link', (pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu) => session.send(pdu.response()));
    session.on('submit_sm', (pdu) => this.onSubmit(session, pdu));
  }

  private onSubmit(session: NpmSession, pdu: NpmPdu): void {
    const messageId = `e2e-${this.nextId++}`;
    const submit = { destination: String(pdu.destination_addr), esmClass: Number(pdu.esm_class), dataCoding: Number(pdu.data_coding), userData: userDataOf(pdu), messageId };
    this.submits.push(submit);
    session.send(pdu.response({ message_id: messageId }));
    const handset = this.handsets.get(submit.destination);
    if (handset) void Promise.resolve(handset(submit.userData, ORIGIN)).catch(() => undefined);
    this.receipt(session, messageId, handset ? 'DELIVRD' : 'UNDELIV', handset ? DELIVERED : UNDELIVERABLE);
  }

  /** SMPP 3.4 Appendix B receipt text plus the receipted_message_id / message_state TLVs. */
  private receipt(session: NpmSession, messageId: string, stat: string, state: number): void {
    const text = `id:${messageId} sub:001 dlvrd:001 submit date:2601010000 done date:2601010000 stat:${stat} err:000 text:`;
    session.deliver_sm({ source_addr: ORIGIN.slice(1), esm_class: 4, short_message: Buffer.from(text, 'latin1'), receipted_message_id: messageId, message_state: state });
  }
}

/**
 * npm smpp splits a UDHI short_message into `{ udh: [IE...], message }` (the IEs without their
 * UDHL octet); the handset needs the TP-User-Data as sent: UDHL, IEs, then the data.
 */
function userDataOf(pdu: NpmPdu): Uint8Array {
  const sm = pdu.short_message as Buffer | { udh?: Buffer[]; message: Buffer | string };
  if (Buffer.isBuffer(sm)) return new Uint8Array(sm);
  const message = Buffer.isBuffer(sm.message) ? sm.message : Buffer.from(sm.message, 'latin1');
  if (!sm.udh?.length) return new Uint8Array(message);
  const ies = Buffer.concat(sm.udh);
  return new Uint8Array(Buffer.concat([Buffer.from([ies.length]), ies, message]));
}
