// sir-composer: seed S5 as its own service. Consumes waken.sir.requested.v1, publishes signed
// SIRs on waken.sir.composed.v1. Health on HTTP_PORT (default 3014).
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { SirComposerFeatureModule } from '@waken/sir-feature';
import { loadSirComposerConfig } from './sir-composer.config';

async function main(): Promise<void> {
  const config = loadSirComposerConfig();
  const service = await runService({
    platform: config.platform,
    feature: SirComposerFeatureModule.forRoot(config.feature),
    http: true,
    transport: { kind: 'kafka' },
  });
  stopOnSignals(service);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
