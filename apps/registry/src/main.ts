// registry: seed S2 (lookup) and S3 (selection) as their own service. Consumes
// waken.push.accepted.v1 (publishes waken.push.resolved.v1), session and client-response events
// (presence, capabilities); serves the tenant administration API on HTTP_PORT (default 3012).
// The schema is created by `migrate.ts up`, never here.
import { DatabaseReadiness } from '@waken/platform-persistence';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { createRegistryDataSource } from '@waken/registry-data-access';
import { RegistryFeatureModule } from '@waken/registry-feature';
import { loadRegistryConfig } from './registry.config';

async function main(): Promise<void> {
  const config = loadRegistryConfig();
  const dataSource = createRegistryDataSource(config.platform.databaseUrl);
  await dataSource.initialize();
  const service = await runService({
    platform: config.platform,
    feature: RegistryFeatureModule.forRoot({ dataSource, sirMasterKey: config.sirMasterKey, adminTokens: config.adminTokens }),
    http: true,
    transport: { kind: 'kafka' },
    readiness: [new DatabaseReadiness(dataSource)],
  });
  stopOnSignals(service);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
