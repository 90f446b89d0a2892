import { Duplex } from 'node:stream';
import { SmppLinkError } from '../smpp-link-error';
import { SmppOutgoing, SmppPdu } from '../smpp-pdu';
import { SmppPduCodec } from '../smpp-pdu-codec';
import { SmppStreamFramer } from '../smpp-stream-framer';
import { SmppSocketFactory } from '../tcp-socket-factory';

/** Two in-memory stream ends: what one writes, the other reads (Node 20 has no duplexPair). */
function duplexPair(): [Duplex, Duplex] {
  const ends: Duplex[] = [];
  const make = (peer: () => Duplex) =>
    new Duplex({
      read() {
        // Data is pushed by the peer's write(); nothing to pull.
      },
      write(chunk: Buffer, _encoding, done) {
        peer().push(chunk);
        done();
      },
      final(done) {
        peer().push(null);
        done();
      },
      destroy(error, done) {
        peer().destroy();
        done(error);
      },
    });
  ends.push(make(() => ends[1]), make(() => ends[0]));
  return [ends[0], ends[1]];
}

/** One client connection as the fake SMSC sees it. */
export class FakeSmscLink {
  readonly received: SmppPdu[] = [];
  private readonly framer = new SmppStreamFramer();
  private seq = 1000;

  constructor(
    readonly socket: Duplex,
    private readonly answer: (pdu: SmppPdu, link: FakeSmscLink) => void,
  ) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.framer.push(chunk)) {
        const pdu = SmppPduCodec.decode(frame);
        this.received.push(pdu);
        this.answer(pdu, this);
      }
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => undefined);
  }

  send(pdu: SmppOutgoing): number {
    this.seq += 1;
    this.sendRaw(SmppPduCodec.encode({ ...pdu, sequenceNumber: this.seq } as SmppPdu));
    return this.seq;
  }

  reply(to: SmppPdu, pdu: SmppOutgoing): void {
    this.sendRaw(SmppPduCodec.encode({ ...pdu, sequenceNumber: to.sequenceNumber } as SmppPdu));
  }

  sendRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  commands(): string[] {
    return this.received.map((p) => p.command);
  }
}

/** A socket factory whose every connection lands on a FakeSmscLink. */
export class FakeSmsc {
  readonly links: FakeSmscLink[] = [];
  refuseConnect = false;

  constructor(private readonly answer: (pdu: SmppPdu, link: FakeSmscLink) => void) {}

  readonly socketFactory: SmppSocketFactory = async () => {
    if (this.refuseConnect) throw new SmppLinkError('connect refused');
    const [client, server] = duplexPair();
    this.links.push(new FakeSmscLink(server, this.answer));
    return client;
  };

  get last(): FakeSmscLink {
    return this.links[this.links.length - 1];
  }
}
