// id-check: seed S4 as its own service. Consumes waken.push.resolved.v1; publishes SIR requests,
// pending contents and plans. Health on HTTP_PORT (default 3013).
import { IdCheckFeatureModule } from '@waken/id-check-feature';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { loadIdCheckConfig } from './id-check.config';

async function main(): Promise<void> {
  const config = loadIdCheckConfig();
  const service = await runService({
    platform: config.platform,
    feature: IdCheckFeatureModule.forRoot(config.feature),
    http: true,
    transport: { kind: 'kafka' },
  });
  stopOnSignals(service);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
