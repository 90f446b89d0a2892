import { toHex } from '@waken/wire';
import { SmppClient } from './smpp-client';
import { SmppClientOptions } from './smpp-client-options';
import { SmppReceipt } from './smpp-receipt';
import { NpmSmppServer, ReceivedPdu } from './test-support/npm-smpp-server';
import { RecordingLogger } from './test-support/recording-logger';
import { waitFor } from './test-support/wait-for';
import { wapSegments } from './test-support/wap-segments';

// Against the npm `smpp` package's server on 127.0.0.1 (an independent SMPP 3.4 implementation).

let server: NpmSmppServer;
let port: number;
const clients: SmppClient[] = [];

beforeEach(async () => {
  server = new NpmSmppServer();
  port = await server.start();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.stop();
});

function client(options: Partial<SmppClientOptions> = {}): SmppClient {
  const c = new SmppClient({ host: '127.0.0.1', port, systemId: 'waken', password: 'secret', logger: new RecordingLogger(), ...options });
  clients.push(c);
  return c;
}

/** npm smpp splits a UDHI short_message into IEs and the rest; put the octets back together. */
function segmentBytes(r: ReceivedPdu): string {
  const sm = r.pdu.short_message as { udh: Buffer[]; message: Buffer };
  const ies = Buffer.concat(sm.udh);
  return toHex(Buffer.concat([Buffer.from([ies.length]), ies, sm.message]));
}

const push = (segments: Uint8Array[], registeredDelivery = false) => ({ destination: '+438323546', segments, registeredDelivery });

describe('SmppClient against npm smpp server', () => {
  it('binds with its credentials, and a wrong password is a typed SmppBindError', async () => {
    await client().connect();
    expect(server.received[0].pdu).toMatchObject({ command: 'bind_transceiver', system_id: 'waken', password: 'secret', interface_version: 0x34 });
    await expect(client({ password: 'wrong' }).connect()).rejects.toMatchObject({ name: 'SmppBindError', commandStatus: 0x0e });
  });

  it('delivers a 2-segment WAP push as two submit_sm with UDHI, data_coding 4 and the exact octets', async () => {
    const c = client();
    await c.connect();
    const segments = wapSegments(2, 0x7b);
    const result = await c.submitWapPush(push(segments, true));
    expect(result.messageIds).toEqual(['smsc-1', 'smsc-2']);
    const submits = server.submits();
    expect(submits.map(segmentBytes)).toEqual(segments.map(toHex));
    expect(segmentBytes(submits[0]).startsWith('0b00037b0201' + '05040b8423f0')).toBe(true);
    for (const { pdu } of submits) {
      expect(pdu).toMatchObject({ esm_class: 0x40, data_coding: 4, registered_delivery: 1, dest_addr_ton: 1, dest_addr_npi: 1, destination_addr: '438323546' });
    }
  });

  it('never has more than `window` submits outstanding while the server is slow', async () => {
    server.submitDelayMs = 25;
    const c = client({ window: 5 });
    await c.connect();
    const result = await c.submitWapPush(push(wapSegments(30)));
    expect(result.messageIds).toHaveLength(30);
    expect(server.maxOutstanding).toBe(5);
  });

  it('caps throughput: 40 segments at 20 msg/s take at least 1.9 s', async () => {
    const c = client({ messagesPerSecond: 20 });
    await c.connect();
    await c.submitWapPush(push(wapSegments(40)));
    const times = server.submits().map((s) => s.at);
    const spread = times[times.length - 1] - times[0];
    console.log(`40 segments at 20 msg/s: ${spread} ms from first to last submit_sm`);
    expect(spread).toBeGreaterThanOrEqual(1900);
    expect(spread).toBeLessThan(3000);
  });

  it('turns deliver_sm receipts into receipt events for its message ids; unknown ids are only logged', async () => {
    const logger = new RecordingLogger();
    const c = client({ logger });
    const receipts: SmppReceipt[] = [];
    c.on('receipt', (r) => receipts.push(r));
    await c.connect();
    const { messageIds } = await c.submitWapPush(push(wapSegments(2), true));
    const resps = [await server.sendReceipt(0, messageIds[0], 'DELIVRD', 2), await server.sendReceipt(0, messageIds[1], 'UNDELIV', 5)];
    await server.sendReceipt(0, 'forged-id', 'DELIVRD', 2);
    expect(resps.map((r) => r.command_status)).toEqual([0, 0]);
    await waitFor(() => receipts.length === 2, 'two receipts');
    expect(receipts).toEqual([
      expect.objectContaining({ messageId: messageIds[0], state: 'DELIVRD', error: '000' }),
      expect.objectContaining({ messageId: messageIds[1], state: 'UNDELIV' }),
    ]);
    expect(logger.messages()).toContain('receipt for an unknown message id; logged only');
  });

  it('sends enquire_link on its interval and answers the server enquire_link', async () => {
    const c = client({ enquireLinkIntervalMs: 100 });
    await c.connect();
    await waitFor(() => server.commands(0).filter((cmd) => cmd === 'enquire_link').length >= 2, 'two enquire_link from the client');
    const resp = await new Promise<{ command: string }>((resolve) => server.sessions[0].enquire_link({}, resolve));
    expect(resp.command).toBe('enquire_link_resp');
    expect(c.state).toBe('bound');
  });
});
