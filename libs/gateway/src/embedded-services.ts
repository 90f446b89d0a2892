import { DataSource } from 'typeorm';
import { DEFAULT_DELIVERY_POLICY, DeliveryHttpFeatureModule, DeliverySipFeatureModule, DeliveryUdpFeatureModule, EncapsulatorFeatureModule } from '@waken/bearer-feature';
import { IdCheckFeatureModule } from '@waken/id-check-feature';
import { DEFAULT_INTAKE_OPTIONS, IntakeFeatureModule } from '@waken/intake-feature';
import { PlatformConfig } from '@waken/platform-config';
import { ReadinessCheck } from '@waken/platform-observability';
import { RegistryFeatureModule, parseAdminTokens } from '@waken/registry-feature';
import { DEFAULT_SESSION_TUNING, SessionFeatureModule } from '@waken/session-feature';
import { SirComposerFeatureModule } from '@waken/sir-feature';
import { ipv4ContactPoint } from '@waken/sir-domain';
import { DatabaseReadiness } from '@waken/platform-persistence';
import { DynamicModule } from '@nestjs/common';
import { EmbeddedGatewayOptions } from './embedded-gateway.options';

export interface EmbeddedServiceSpec {
  name: string;
  feature: DynamicModule;
  httpPort?: number;
  readiness?: ReadinessCheck[];
}

export interface EmbeddedDatabases {
  registry: DataSource;
  intake: DataSource;
  session: DataSource;
}

/**
 * The services of the gateway in pipeline order, each with the same feature module it runs in its
 * own process, configured for one machine: loopback addresses, the built-in SIP proxy, one
 * embedded database.
 */
export function embeddedServices(o: EmbeddedGatewayOptions, db: EmbeddedDatabases): EmbeddedServiceSpec[] {
  const ppgAor = `sip:ppg@${o.domain}`;
  const proxy = { host: o.host, port: o.sipProxyPort, transport: 'udp' as const };
  const policy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 2, initialBackoffMs: 100, maxBackoffMs: 500 };
  return [
    {
      name: 'push-intake',
      httpPort: o.intakePort,
      readiness: [new DatabaseReadiness(db.intake)],
      feature: IntakeFeatureModule.forRoot({
        ...DEFAULT_INTAKE_OPTIONS,
        dataSource: db.intake,
        allowPrivateNotifyUrls: true,
        pollIntervalMs: 20,
        notifyMaxBackoffMs: 2000,
        seededKeys: [{ tenantId: o.tenant, piId: o.piId, apiKey: o.piKey }],
      }),
    },
    {
      name: 'registry',
      httpPort: o.registryPort,
      readiness: [new DatabaseReadiness(db.registry)],
      feature: RegistryFeatureModule.forRoot({ dataSource: db.registry, sirMasterKey: o.sirMasterKey, adminTokens: parseAdminTokens(`${o.tenant}:${o.adminToken}`) }),
    },
    { name: 'id-check', feature: IdCheckFeatureModule.forRoot({ sirTtlMs: 120000, instructions: ['return-capabilities'] }) },
    {
      name: 'sir-composer',
      feature: SirComposerFeatureModule.forRoot({ ppgAddress: ppgAor, contactPoints: [ipv4ContactPoint(o.host, o.sessionSipPort)], master: o.sirMasterKey, ttlMs: 120000 }),
    },
    { name: 'encapsulator', feature: EncapsulatorFeatureModule.forRoot({ sessionDeadlineMs: o.sessionDeadlineMs }) },
    {
      name: 'delivery-sip',
      feature: DeliverySipFeatureModule.forRoot({
        policy,
        sip: { localHost: o.host, localPort: o.deliverySipPort, proxy, from: ppgAor, timerFMs: 8000, t1Ms: 500, maxInflight: 256, userAgent: 'waken-embedded' },
      }),
    },
    { name: 'delivery-udp', feature: DeliveryUdpFeatureModule.forRoot({ policy, udp: { localHost: o.host, localPort: 0, transmissions: 2, repeatIntervalMs: 200 } }) },
    {
      name: 'delivery-http',
      feature: DeliveryHttpFeatureModule.forRoot({
        policy,
        http: { connectTimeoutMs: 2000, responseTimeoutMs: 5000, maxSockets: 64, allowPrivateTargets: true, userAgent: 'waken-embedded' },
      }),
    },
    {
      name: 'session',
      readiness: [new DatabaseReadiness(db.session)],
      feature: SessionFeatureModule.forRoot({
        ...DEFAULT_SESSION_TUNING,
        idleMs: 60000,
        dataSource: db.session,
        ppgAor,
        instanceId: 'urn:uuid:00000000-0000-4000-8000-00000000a0a0',
        sip: { host: o.host, port: o.sessionSipPort, transports: ['udp', 'tcp'] },
        registrar: proxy,
        registerExpiresS: 3600,
        master: o.sirMasterKey,
        tenants: [],
      }),
    },
  ];
}

export function embeddedPlatform(o: EmbeddedGatewayOptions, name: string, httpPort = 0): PlatformConfig {
  return {
    serviceName: name,
    instanceId: `${name}-embedded`,
    logLevel: o.logLevel,
    httpHost: o.host,
    httpPort,
    kafka: { brokers: [], clientId: name, groupId: name, topicPrefix: '' },
    databaseUrl: o.databaseUrl,
  };
}
