// push-intake: seed S1 (intake) and S12 (responses) as its own service. PAP on POST /pap and
// /wappush, the JSON API on /v1/pushes; publishes waken.push.accepted.v1 / cancelled.v1 through
// its outbox; consumes plans, delivery reports, acknowledgements, session openings and client
// responses. HTTP on HTTP_PORT (default 3011). Run migrate.ts first.
import { IntakeFeatureModule } from '@waken/intake-feature';
import { createIntakeDataSource } from '@waken/intake-data-access';
import { DatabaseReadiness } from '@waken/platform-persistence';
import { runService } from '@waken/platform-runtime';
import { loadPushIntakeConfig } from './push-intake.config';

async function main(): Promise<void> {
  const config = loadPushIntakeConfig();
  const dataSource = await createIntakeDataSource(config.platform.databaseUrl, config.databasePoolSize).initialize();
  const service = await runService({
    platform: config.platform,
    feature: IntakeFeatureModule.forRoot({ ...config.feature, dataSource }),
    http: true,
    transport: { kind: 'kafka' },
    readiness: [new DatabaseReadiness(dataSource)],
    ...(config.tls && { https: { key: config.tls.key, cert: config.tls.cert, ...(config.tls.clientCa && { ca: config.tls.clientCa }) } }),
  });
  const stop = (signal: string) => {
    service.logger.info({ signal }, 'shutting down');
    service
      .close()
      .then(() => dataSource.destroy())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          service.logger.error({ err: e }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
