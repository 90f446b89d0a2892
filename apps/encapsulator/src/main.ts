// encapsulator: seed S6 as its own service. Consumes waken.sir.composed.v1, waken.delivery.reported.v1
// and waken.session.opened.v1; publishes waken.delivery.<bearer>.v1 requests (and their fallbacks).
// Health on HTTP_PORT (default 3015).
import { EncapsulatorFeatureModule } from '@waken/bearer-feature';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { loadEncapsulatorConfig } from './encapsulator.config';

async function main(): Promise<void> {
  const config = loadEncapsulatorConfig();
  const service = await runService({
    platform: config.platform,
    feature: EncapsulatorFeatureModule.forRoot(config.feature),
    http: true,
    transport: { kind: 'kafka' },
  });
  stopOnSignals(service);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
