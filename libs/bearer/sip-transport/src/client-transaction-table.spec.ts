import { buildRequest, buildResponse, newBranch, type SipRequest, type SipResponse } from '@waken/bearer-sip';
import { ClientTransactionTable } from './client-transaction-table';
import { newStats } from './sip-endpoint-stats';
import { SipTimeoutError } from './sip-timeout-error';

const timers = { t1Ms: 500, t2Ms: 4000, t4Ms: 5000, timeoutMs: 32000 };

const request = (): SipRequest =>
  buildRequest({
    method: 'MESSAGE', requestUri: 'sip:a@example.com', from: '<sip:ppg@example.com>;tag=1', to: '<sip:a@example.com>',
    callId: 'c1@h', cseq: 7, via: `SIP/2.0/UDP 127.0.0.1:5060;branch=${newBranch()}`,
  });

function alter(res: SipResponse, name: string, value: string): SipResponse {
  return { ...res, headers: res.headers.map((h) => (h.name === name ? { ...h, value } : h)) };
}

describe('ClientTransactionTable (RFC 3261 §17.1.2)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('retransmits at T1, 2T1, 4T1 ... capped at T2 and times out at Timer F', async () => {
    const stats = newStats();
    const table = new ClientTransactionTable(timers, stats);
    const sends: number[] = [];
    const outcome = table.start(request(), false, () => sends.push(Date.now()));
    const started = Date.now();
    const settled = expect(outcome).rejects.toBeInstanceOf(SipTimeoutError);
    jest.advanceTimersByTime(32000);
    await settled;
    const gaps = sends.map((t, i) => t - (i === 0 ? started : sends[i - 1]));
    expect(gaps.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(stats).toMatchObject({ timeouts: 1, retransmissions: sends.length });
    expect(table.size).toBe(0);
  });

  it('does not retransmit on TCP; switches to T2 after a provisional', () => {
    const table = new ClientTransactionTable(timers, newStats());
    const tcpSends: number[] = [];
    void table.start(request(), true, () => tcpSends.push(1)).catch(() => undefined);
    const req = request();
    const udpSends: number[] = [];
    void table.start(req, false, () => udpSends.push(Date.now())).catch(() => undefined);
    table.match(buildResponse(req, 100, 'Trying'));
    jest.advanceTimersByTime(500 + 4000 + 4000);
    expect(tcpSends).toHaveLength(0);
    expect(udpSends).toHaveLength(3);
    table.close(new Error('closed'));
  });

  it('resolves only on a response with the same branch, Call-ID and CSeq (reliability.md #21)', async () => {
    const stats = newStats();
    const table = new ClientTransactionTable(timers, stats);
    const req = request();
    const outcome = table.start(req, false, () => undefined);
    const ok = buildResponse(req, 200, 'OK');
    expect(table.match(alter(ok, 'Via', `SIP/2.0/UDP 127.0.0.1:5060;branch=${newBranch()}`))).toBe(false);
    expect(table.match(alter(ok, 'Call-ID', 'other@h'))).toBe(false);
    expect(table.match(alter(ok, 'CSeq', '8 MESSAGE'))).toBe(false);
    expect(table.match(alter(ok, 'CSeq', '7 OPTIONS'))).toBe(false);
    expect(table.match(alter(ok, 'CSeq', 'garbage'))).toBe(false);
    expect(stats.responsesUnmatched).toBe(5);
    expect(table.match(buildResponse(req, 404, 'Not Found'))).toBe(true);
    await expect(outcome).resolves.toMatchObject({ status: 404 });
    expect(table.match(ok)).toBe(true);
    expect(stats.responsesAbsorbed).toBe(1);
    jest.advanceTimersByTime(5000); // Timer K
    expect(table.size).toBe(0);
  });

  it('abort() ends a transaction whose first send failed', async () => {
    const table = new ClientTransactionTable(timers, newStats());
    const req = request();
    const outcome = table.start(req, true, () => undefined);
    table.abort(req, new Error('connect refused'));
    await expect(outcome).rejects.toThrow('connect refused');
    expect(table.size).toBe(0);
  });
});
