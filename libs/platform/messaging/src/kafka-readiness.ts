import { ReadinessCheck } from '@waken/platform-observability';
import { MessageBus } from './message-bus';

/** Ready when the broker answers a metadata request. */
export class KafkaReadiness implements ReadinessCheck {
  readonly name = 'kafka';
  constructor(private readonly bus: MessageBus) {}

  async check(): Promise<void> {
    const admin = this.bus.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }
}
