import { EventDefinition, deadLetterTopic } from '@waken/contracts';
import { ServiceMetrics, withLogContext } from '@waken/platform-observability';
import { Logger } from 'pino';
import { deadLetterMessage } from './dead-letter';
import { EventEnvelope } from './event-envelope';
import { EventPublisher } from './event-publisher';
import { backoffMs, isPermanent } from './failure-policy';
import { InvalidRecord, RawRecord, decodeRecord } from './record-codec';

export interface BatchSubscription {
  definition: EventDefinition;
  /**
   * Handles a batch of one topic: the records of each partition in offset order (the Kafka
   * transport may join the batches of several partitions). Throwing means: retry, then dead-letter.
   */
  handle(batch: EventEnvelope<unknown>[]): Promise<void>;
}

export interface BatchControl {
  /** False once the consumer is stopping or lost the partition: abandon, the batch is redelivered. */
  running(): boolean;
  heartbeat(): Promise<void>;
}

interface Failed {
  record: RawRecord;
  error: string;
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The failure policy of STYLE.md, shared by the Kafka and the in-process transports: validate each
 * record against its contract (invalid -> <topic>.dlq with the original bytes and the error), hand
 * the valid ones to the handler as one batch, retry transient failures with backoff, isolate and
 * dead-letter poison records. The caller commits only after process() returns.
 */
export class BatchProcessor {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {}

  async process(sub: BatchSubscription, records: RawRecord[], control: BatchControl): Promise<void> {
    if (records.length === 0) return;
    const topic = records[0].topic;
    const valid: EventEnvelope<unknown>[] = [];
    const invalid: Failed[] = [];
    for (const record of records) {
      try {
        valid.push(decodeRecord(sub.definition, record));
      } catch (e) {
        if (!(e instanceof InvalidRecord)) throw e;
        invalid.push({ record, error: `${e.reason}: ${e.message}`, attempts: 1 });
      }
    }
    const started = process.hrtime.bigint();
    const failed = valid.length > 0 ? await this.handleWithRetry(sub, valid, records, control) : [];
    await this.deadLetter(topic, [...invalid, ...failed]);
    this.metrics?.handlerDuration.observe({ topic }, Number(process.hrtime.bigint() - started) / 1e9);
    this.metrics?.batchSize.observe({ topic }, records.length);
  }

  private async handleWithRetry(sub: BatchSubscription, valid: EventEnvelope<unknown>[], records: RawRecord[], control: BatchControl): Promise<Failed[]> {
    const { retry } = this.publisher.settings;
    let lastError: unknown;
    let attempts = 0;
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      attempts = attempt;
      try {
        // log lines of a one-record batch carry its ids; handlers add pushId where they log per push
        const ids = valid.length === 1 ? { eventId: valid[0].headers.eventId, correlationId: valid[0].headers.correlationId } : {};
        await withLogContext(ids, () => sub.handle(valid));
        return [];
      } catch (e) {
        lastError = e;
        if (isPermanent(e)) break;
        this.metrics?.retries.inc({ topic: valid[0].topic });
        this.logger.warn({ err: e, attempt, records: valid.length, topic: valid[0].topic }, 'batch handler failed; retrying');
        if (!control.running()) throw new Error('consumer stopping during retries; the batch will be redelivered');
        if (attempt < retry.maxAttempts) {
          await sleep(backoffMs(retry, attempt));
          await control.heartbeat();
        }
      }
    }
    if (valid.length === 1) return [failure(records, valid[0], lastError, attempts)];
    return this.isolate(sub, valid, records, attempts);
  }

  /**
   * After the batch kept failing: find the poison by halving. Each half is tried once, left before
   * right (a key's records keep their order); a half that fails is halved again, a single record
   * that fails is poison. One poison record in n costs about 2·log2(n) handler calls instead of n,
   * so the healthy records around it are delayed little (reliability.md R7).
   */
  private async isolate(sub: BatchSubscription, valid: EventEnvelope<unknown>[], records: RawRecord[], attempts: number): Promise<Failed[]> {
    const failed: Failed[] = [];
    // depth: how many more times than the batch tries a record was handed to the handler
    const tryPart = async (part: EventEnvelope<unknown>[], depth: number): Promise<void> => {
      try {
        const ids = part.length === 1 ? { eventId: part[0].headers.eventId, correlationId: part[0].headers.correlationId } : {};
        await withLogContext(ids, () => sub.handle(part));
      } catch (e) {
        if (part.length === 1) {
          failed.push(failure(records, part[0], e, attempts + depth));
          return;
        }
        const middle = Math.ceil(part.length / 2);
        await tryPart(part.slice(0, middle), depth + 1);
        await tryPart(part.slice(middle), depth + 1);
      }
    };
    const middle = Math.ceil(valid.length / 2);
    await tryPart(valid.slice(0, middle), 1);
    await tryPart(valid.slice(middle), 1);
    return failed;
  }

  private async deadLetter(topic: string, failed: Failed[]): Promise<void> {
    if (failed.length === 0) return;
    for (const f of failed) {
      this.logger.error({ topic, offset: f.record.offset, error: f.error }, 'record dead-lettered');
      this.metrics?.deadLettered.inc({ topic, reason: f.error.split(':')[0] });
    }
    await this.publisher.publishEncoded(
      deadLetterTopic(topic),
      failed.map((f) => deadLetterMessage(f.record, f.error, this.publisher.settings.groupId, f.attempts)),
    );
  }
}

function failure(records: RawRecord[], envelope: EventEnvelope<unknown>, error: unknown, attempts: number): Failed {
  const record = records.find((r) => r.partition === envelope.partition && r.offset === envelope.offset) as RawRecord;
  return { record, error: `handler: ${(error as Error)?.message ?? String(error)}`, attempts };
}
