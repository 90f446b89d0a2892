import { SqlRunner, claimBatch, claimEvents } from './idempotency';

/** An in-memory stand-in for the processed_event table (the real one is covered by messaging.int-spec). */
class FakeInbox implements SqlRunner {
  readonly seen = new Set<string>();
  async query(_sql: string, params?: unknown[]): Promise<unknown> {
    const [consumer, ids] = params as [string, string[]];
    return ids.filter((id) => !this.seen.has(`${consumer}/${id}`) && this.seen.add(`${consumer}/${id}`)).map((event_id) => ({ event_id }));
  }
}

describe('inbox idempotency', () => {
  it('claims each id once per consumer', async () => {
    const inbox = new FakeInbox();
    expect([...(await claimEvents(inbox, 'a', ['1', '2']))]).toEqual(['1', '2']);
    expect([...(await claimEvents(inbox, 'a', ['2', '3']))]).toEqual(['3']);
    expect([...(await claimEvents(inbox, 'b', ['2']))]).toEqual(['2']);
    expect(await claimEvents(inbox, 'a', [])).toEqual(new Set());
  });

  it('keeps only the first copy of an id that appears twice in one batch', async () => {
    const inbox = new FakeInbox();
    const batch = [{ headers: { eventId: 'x' }, n: 1 }, { headers: { eventId: 'x' }, n: 2 }, { headers: { eventId: 'y' }, n: 3 }];
    expect((await claimBatch(inbox, 'c', batch)).map((e) => e.n)).toEqual([1, 3]);
    expect(await claimBatch(inbox, 'c', batch)).toEqual([]);
  });
});
