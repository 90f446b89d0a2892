// delivery-sms: seed S7 over SMS as its own service. Consumes waken.delivery.sms.v1,
// submits each request over SMPP (WAP push segments, registered delivery), publishes sent and receipt reports.
// Health on HTTP_PORT (default 3021). SIGTERM: stop consuming, finish in-flight, commit, close.
import { DELIVERY_KAFKA_TUNING, DeliverySmsFeatureModule } from '@waken/bearer-feature';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { loadDeliverySmsConfig } from './delivery-sms.config';

async function main(): Promise<void> {
  const config = loadDeliverySmsConfig();
  const service = await runService({
    platform: config.platform,
    feature: DeliverySmsFeatureModule.forRoot(config.feature),
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
