import { PushCancelledV1, HEADER } from '@waken/contracts';
import { currentLogContext, createLogger } from '@waken/platform-observability';
import { BatchProcessor } from './batch-processor';
import { RecordingPublisher } from './recording-publisher';

describe('BatchProcessor log context', () => {
  it('runs the handler of a one-record batch with its correlation and event ids', async () => {
    const seen: unknown[] = [];
    const processor = new BatchProcessor(new RecordingPublisher(), createLogger('t', 'silent'));
    const record = {
      topic: 't',
      partition: 0,
      offset: '1',
      key: Buffer.from('k'),
      value: Buffer.from(JSON.stringify(PushCancelledV1.example)),
      headers: { [HEADER.eventId]: 'ev-7', [HEADER.correlationId]: 'push-7' },
    };
    await processor.process(
      { definition: PushCancelledV1, handle: async () => void seen.push(currentLogContext()) },
      [record],
      { running: () => true, heartbeat: async () => undefined },
    );
    expect(seen).toEqual([{ eventId: 'ev-7', correlationId: 'push-7' }]);
  });
});
