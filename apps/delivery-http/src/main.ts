// delivery-http: seed S7 over HTTP as its own service. Consumes waken.delivery.http.v1,
// POSTs each request to the client push endpoint (keep-alive, no redirects, SSRF guard).
// Health on HTTP_PORT (default 3023). SIGTERM: stop consuming, finish in-flight, commit, close.
import { DELIVERY_KAFKA_TUNING, DeliveryHttpFeatureModule } from '@waken/bearer-feature';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { loadDeliveryHttpConfig } from './delivery-http.config';

async function main(): Promise<void> {
  const config = loadDeliveryHttpConfig();
  const service = await runService({
    platform: config.platform,
    feature: DeliveryHttpFeatureModule.forRoot(config.feature),
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
