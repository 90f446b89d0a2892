import { RecordingPublisher } from '@waken/platform-messaging';
import { ServiceMetrics, createLogger } from '@waken/platform-observability';
import { DeliveryDrain } from '../common/delivery-drain';
import { DEFAULT_DELIVERY_POLICY } from '../common/delivery-policy';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';

/** What a delivery handler needs in a unit spec: a recording publisher and small backoffs. */
export function handlerKit() {
  const publisher = new RecordingPublisher();
  const drain = new DeliveryDrain();
  const factory = new DeliveryRunnerFactory(publisher, drain, createLogger('t', 'silent'), new ServiceMetrics('t', false));
  const policy = { ...DEFAULT_DELIVERY_POLICY, initialBackoffMs: 1, maxBackoffMs: 4 };
  return { publisher, drain, factory, policy };
}
