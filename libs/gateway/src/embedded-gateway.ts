import { EmbeddedSipProxy } from '@waken/bearer-sip-registrar';
import { createIntakeDataSource } from '@waken/intake-data-access';
import { InProcessBroker } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runMigrations } from '@waken/platform-persistence';
import { RunningService, runService } from '@waken/platform-runtime';
import { createRegistryDataSource } from '@waken/registry-data-access';
import { createSessionDataSource } from '@waken/session-data-access';
import { DataSource } from 'typeorm';
import { EmbeddedGatewayOptions, defaultEmbeddedOptions } from './embedded-gateway.options';
import { embeddedPlatform, embeddedServices } from './embedded-services';

export interface EmbeddedGateway {
  options: EmbeddedGatewayOptions;
  broker: InProcessBroker;
  sipProxy: { host: string; port: number; domain: string };
  intakeUrl: string;
  registryUrl: string;
  services: RunningService[];
  close(): Promise<void>;
}

/**
 * The whole gateway in one process (issue 7): every service's feature module on the in-process
 * transport (same contracts, validation, retries and dead letters as Kafka), one embedded
 * PostgreSQL (PGlite), and the built-in SIP registrar/proxy in Kamailio's place. The schema is
 * migrated by this explicit start step, as `waken migrate` does for the distributed services.
 */
export async function startEmbeddedGateway(overrides: Partial<EmbeddedGatewayOptions> = {}): Promise<EmbeddedGateway> {
  const options = defaultEmbeddedOptions(overrides);
  const log = createLogger('gateway', options.logLevel);
  const broker = new InProcessBroker(4);
  const proxy = await EmbeddedSipProxy.start({ host: options.host, port: options.sipProxyPort, domain: options.domain });
  const databases = {
    registry: createRegistryDataSource(options.databaseUrl, 1),
    intake: createIntakeDataSource(options.databaseUrl, 1),
    session: createSessionDataSource(options.databaseUrl, 1),
  };
  const opened: DataSource[] = [];
  const services: RunningService[] = [];
  const close = async () => {
    for (const s of [...services].reverse()) await s.close().catch((e) => log.warn({ err: e, service: s.name }, 'stop failed'));
    await proxy.close();
    for (const ds of opened.reverse()) await ds.destroy().catch(() => undefined);
  };
  try {
    for (const ds of Object.values(databases)) {
      opened.push(await ds.initialize());
      await runMigrations(ds);
    }
    for (const spec of embeddedServices(options, databases)) {
      services.push(
        await runService({
          platform: embeddedPlatform(options, spec.name, spec.httpPort),
          feature: spec.feature,
          http: spec.httpPort !== undefined,
          transport: { kind: 'in-process', broker },
          readiness: spec.readiness,
          logger: createLogger(spec.name, options.logLevel),
        }),
      );
    }
  } catch (e) {
    await close();
    throw e;
  }
  const url = (port: number) => `http://${options.host}:${port}`;
  log.info({ services: services.map((s) => s.name) }, 'embedded gateway started');
  return { options, broker, sipProxy: proxy.address, intakeUrl: url(options.intakePort), registryUrl: url(options.registryPort), services, close };
}
