// delivery-udp: seed S7 over UDP as its own service. Consumes waken.delivery.udp.v1,
// sends each request as a WSP Push datagram (fixed number of copies), publishes sent reports.
// Health on HTTP_PORT (default 3022). SIGTERM: stop consuming, finish in-flight, commit, close.
import { DELIVERY_KAFKA_TUNING, DeliveryUdpFeatureModule } from '@waken/bearer-feature';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { loadDeliveryUdpConfig } from './delivery-udp.config';

async function main(): Promise<void> {
  const config = loadDeliveryUdpConfig();
  const service = await runService({
    platform: config.platform,
    feature: DeliveryUdpFeatureModule.forRoot(config.feature),
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
