// session: the PPG's SIP push session endpoint (seed C3, C4, S10, S12). Registers PPG_AOR with the
// SIP registrar, accepts SUBSCRIBE on SESSION_SIP_HOST:SESSION_SIP_PORT (default 127.0.0.1:5070),
// delivers pending pushes as NOTIFY. Consumes waken.push.pending.v1 and waken.push.cancelled.v1;
// publishes session.opened/closed, push.delivered and client.responded. Health on HTTP_PORT
// (default 3016). The schema is created by `migrate.ts up`, never here (docs/session.md).
import { DatabaseReadiness } from '@waken/platform-persistence';
import { runService, stopOnSignals } from '@waken/platform-runtime';
import { createSessionDataSource } from '@waken/session-data-access';
import { SessionFeatureModule } from '@waken/session-feature';
import { loadSessionConfig } from './session.config';

async function main(): Promise<void> {
  const config = loadSessionConfig();
  const dataSource = createSessionDataSource(config.platform.databaseUrl, config.databasePoolSize);
  await dataSource.initialize();
  const service = await runService({
    platform: config.platform,
    feature: SessionFeatureModule.forRoot({ ...config.feature, dataSource }),
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
