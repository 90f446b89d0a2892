import { SmppClient } from './smpp-client';
import { SmppLinkError } from './smpp-link-error';
import { NpmSmppServer } from './test-support/npm-smpp-server';
import { RecordingLogger } from './test-support/recording-logger';
import { waitFor } from './test-support/wait-for';
import { wapSegments } from './test-support/wap-segments';

// Link failures against the npm `smpp` server on 127.0.0.1.

let server: NpmSmppServer;
let c: SmppClient;

beforeEach(async () => {
  server = new NpmSmppServer();
  const port = await server.start();
  c = new SmppClient({ host: '127.0.0.1', port, systemId: 'waken', password: 'secret', reconnectInitialMs: 50, logger: new RecordingLogger() });
  await c.connect();
});

afterEach(async () => {
  await c.close();
  await server.stop();
});

const push = { destination: '+438323546', segments: wapSegments(2), registeredDelivery: false };

describe('SmppClient link failures against npm smpp server', () => {
  it('fails a pending submit with a retryable error when the server drops, reconnects, and submits again', async () => {
    server.holdSubmits = true;
    const pending = c.submitWapPush(push);
    await waitFor(() => server.submits().length === 2, 'two held submits');
    server.sessions[0].destroy();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmppLinkError);
    expect(error).toMatchObject({ retryable: true });
    await waitFor(() => c.state === 'bound' && server.sessions.length === 2, 'rebind on a new connection');
    server.holdSubmits = false;
    await expect(c.submitWapPush(push)).resolves.toMatchObject({ messageIds: [expect.any(String), expect.any(String)] });
    expect(server.commands(1)).toEqual(['bind_transceiver', 'submit_sm', 'submit_sm']);
  });

  it('answers a malformed PDU from the server with generic_nack, then unbind, then reconnects (reliability #26)', async () => {
    server.sessions[0].socket.write(Buffer.from('00000008000000150000000000000007', 'hex'));
    await waitFor(() => server.commands(0).includes('unbind'), 'unbind after the nack');
    expect(server.commands(0).slice(-2)).toEqual(['generic_nack', 'unbind']);
    expect(server.received.find((r) => r.pdu.command === 'generic_nack')?.pdu.command_status).toBe(0x02);
    await waitFor(() => c.state === 'bound' && server.sessions.length === 2, 'rebind after the malformed PDU');
    await expect(c.submitWapPush(push)).resolves.toMatchObject({ messageIds: expect.any(Array) });
  });
});
