import { randomBytes } from 'node:crypto';
import { startEmbeddedGateway } from '@waken/gateway';
import { createIntakeDataSource, generateApiKey, PushInitiatorRepository } from '@waken/intake-data-access';
import { freeSipPort, freeTcpPort } from '../pipeline/free-port';
import { LoadGenerator } from '../pipeline/load-generator';
import { targetsOf, udpUsers } from '../pipeline/pipeline-bench';
import { Progress } from '../pipeline/progress';
import { ThroughputOptions, ThroughputResult, measureThroughput } from '../pipeline/throughput-phase';
import { UdpSink } from '../pipeline/udp-sink';
import { ProvisionResult, provisionUsers } from '../pipeline/user-provisioner';

export interface EmbeddedSettings {
  users: number;
  clientsPerUser: number;
  provisionBudgetS: number;
  throughput: ThroughputOptions;
}

export interface EmbeddedBenchResult {
  provisioning: Omit<ProvisionResult, 'users'> & { userCount: number };
  throughput: ThroughputResult;
  /** Every accepted push reached the sink as one distinct SIR (counts; the in-process broker keeps no full record). */
  allDelivered: boolean;
}

/**
 * issue 7, item 4: the embedded gateway (`startEmbeddedGateway`: every service's feature module on
 * the in-process broker, one PGlite database) in the bench's own process, the same closed-loop load
 * through its JSON API, clients woken over UDP at the sink. Its CPU is the bench process's.
 */
export async function runEmbeddedBench(progress: Progress, s: EmbeddedSettings): Promise<EmbeddedBenchResult> {
  const databaseUrl = `memory://bench-${randomBytes(4).toString('hex')}`;
  const [intakePort, registryPort, sipProxyPort, sessionSipPort, deliverySipPort] = [await freeTcpPort(), await freeTcpPort(), await freeSipPort(), await freeSipPort(), await freeSipPort()];
  progress.line('embedded', `starting the embedded gateway (${databaseUrl})`);
  const gateway = await startEmbeddedGateway({ databaseUrl, intakePort, registryPort, sipProxyPort, sessionSipPort, deliverySipPort, tenant: 'bench', logLevel: 'error' });
  const sink = await UdpSink.open();
  const generator = await LoadGenerator.start();
  try {
    const apiKey = await createPi(databaseUrl, gateway.options.tenant);
    const provisioned = await provisionUsers({
      registryUrl: gateway.registryUrl, adminToken: gateway.options.adminToken, users: udpUsers(s.users, s.clientsPerUser, sink.address, 'emb'),
      concurrency: 16, budgetMs: s.provisionBudgetS * 1000, onProgress: (n) => progress.line('embedded', `${n} users provisioned`),
    });
    progress.line('embedded', `${provisioned.users.length} users in ${provisioned.seconds} s (${provisioned.perSecond} API requests/s)`);
    const throughput = await measureThroughput(
      { intakeUrl: gateway.intakeUrl, apiKey, sink, generator, progress, targets: targetsOf(provisioned.users), servicePids: { 'embedded gateway (bench process)': [process.pid] }, contextPids: { 'load generator': [generator.pid] } },
      s.throughput,
      'embedded throughput',
    );
    const { users, ...provisioning } = provisioned;
    return { provisioning: { ...provisioning, userCount: users.length }, throughput, allDelivered: throughput.sirsAfterDrain === throughput.accepted };
  } finally {
    await generator.close();
    await sink.close();
    await gateway.close();
  }
}

/**
 * A PI with a quota far above the load: the seeded embedded PI is capped at 1,000/s. Written through
 * intake's repository on the same embedded database. Every data source of one memory:// URL shares
 * one PGlite (and destroying any of them closes it), so this one is left to the gateway's close().
 */
async function createPi(databaseUrl: string, tenantId: string): Promise<string> {
  const ds = await createIntakeDataSource(databaseUrl, 1).initialize();
  const apiKey = generateApiKey();
  await new PushInitiatorRepository().save(ds.manager, { tenantId, piId: 'bench-pi', allowedUserPatterns: ['*'], allowedApplications: ['*'], allowedContentTypes: ['*'], trusted: false, quotaPerSecond: 1_000_000 }, apiKey);
  return apiKey;
}
