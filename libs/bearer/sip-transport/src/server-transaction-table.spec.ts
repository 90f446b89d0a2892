import { buildRequest, newBranch } from '@waken/bearer-sip';
import { ServerTransactionTable } from './server-transaction-table';

const request = (branch: string, method = 'MESSAGE') =>
  buildRequest({
    method, requestUri: 'sip:dev@127.0.0.2:5070', from: '<sip:ppg@example.com>;tag=1', to: '<sip:a@example.com>',
    callId: 'c1', cseq: 1, via: `SIP/2.0/UDP 127.0.0.1:15060;branch=${branch}`,
  });

describe('ServerTransactionTable (RFC 3261 §17.2.2)', () => {
  it('absorbs a retransmission and hands back the last response', () => {
    let now = 0;
    const table = new ServerTransactionTable(32000, 10, () => now);
    const req = request(newBranch());
    const first = table.receive(req);
    expect(first.isNew).toBe(true);
    expect(table.receive(req)).toEqual({ isNew: false, key: first.key, lastResponse: undefined });
    const bytes = Uint8Array.of(1, 2, 3);
    expect(table.answered(first.key, bytes, 200)).toBe(true);
    expect(table.answered(first.key, bytes, 200)).toBe(false);
    expect(table.receive(req)).toMatchObject({ isNew: false, lastResponse: bytes });
    now = 32000;
    table.sweep();
    expect(table.receive(req).isNew).toBe(true);
  });

  it('keys by branch, sent-by and method; ACK matches its INVITE', () => {
    const branch = newBranch();
    expect(ServerTransactionTable.keyOf(request(branch, 'ACK'))).toBe(ServerTransactionTable.keyOf(request(branch, 'INVITE')));
    expect(ServerTransactionTable.keyOf(request(branch))).not.toBe(ServerTransactionTable.keyOf(request(newBranch())));
    expect(ServerTransactionTable.keyOf(request('1234'))).toMatch(/^2543\|/);
  });

  it('stays bounded, evicting the oldest', () => {
    const table = new ServerTransactionTable(32000, 3);
    for (let i = 0; i < 10; i += 1) table.receive(request(newBranch()));
    expect(table.size).toBe(3);
  });
});
