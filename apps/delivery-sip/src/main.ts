// delivery-sip: seed S7 over SIP as its own service. Consumes waken.delivery.sip.v1, sends each
// request as a MESSAGE through the outbound proxy (Kamailio), publishes waken.delivery.reported.v1.
// Health on HTTP_PORT (default 3020). SIGTERM: stop consuming, finish in-flight, commit, close.
import { DELIVERY_KAFKA_TUNING, DeliverySipFeatureModule } from '@waken/bearer-feature';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { loadDeliverySipConfig } from './delivery-sip.config';

async function main(): Promise<void> {
  const config = loadDeliverySipConfig();
  const service = await runService({
    platform: config.platform,
    feature: DeliverySipFeatureModule.forRoot(config.feature),
    http: true,
    transport: { kind: 'kafka' },
    kafka: DELIVERY_KAFKA_TUNING,
  });
  stopOnSignals(service);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
