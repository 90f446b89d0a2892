// Hot-path benchmark of the registry (seed §S2 lookup): fills a fresh database with N clients
// (3 per user, every device-identity kind), then times UserProfileReader.loadUsers for batches of
// random recipients (one Kafka batch = one query) and for single lookups. Prints JSON; drops its
// database at the end.
//   node -r ./scripts/ts-register.cjs bench/registry/resolve.bench.ts --clients 1000000 [--batch 100] [--batches 500] [--singles 2000]
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { runMigrations } from '@waken/platform-persistence';
import { UserRef, UserProfileReader, createRegistryDataSource } from '@waken/registry-data-access';
import { fillRegistry } from './registry-fill';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latenciesMs: number[], lookups: number, wallMs: number) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { queries: latenciesMs.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), lookupsPerSec: Math.round(lookups / (wallMs / 1000)) };
}

async function timeLookups(reader: UserProfileReader, users: number, size: number, count: number) {
  const refOf = (u: number): UserRef => ({ tenantId: `bench-${u % 4}`, publicUserIdentity: `sip:+43${String(u).padStart(9, '0')}@bench.example` });
  const latencies: number[] = [];
  let found = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const refs = Array.from({ length: size }, () => refOf(Math.floor(Math.random() * users)));
    const t0 = performance.now();
    const result = await reader.loadUsers(refs);
    latencies.push(performance.now() - t0);
    found += [...result.values()].filter((u) => u.clients.length === 3).length;
  }
  const wall = performance.now() - start;
  if (found < (count * size) / 2) throw new Error(`lookups found too few users (${found}); is the fill broken?`);
  return summary(latencies, count * size, wall);
}

async function main(): Promise<void> {
  const clients = arg('clients', 100000);
  const batchSize = arg('batch', 100);
  const name = `bench_registry_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  const ds = createRegistryDataSource(ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), 2);
  try {
    await ds.initialize();
    await runMigrations(ds);
    const fill = await fillRegistry(ds, clients, (done) => console.warn(`filled ${done}/${clients} clients`));
    const reader = new UserProfileReader(ds);
    await timeLookups(reader, fill.users, batchSize, 50); // warm-up
    const batched = await timeLookups(reader, fill.users, batchSize, arg('batches', 500));
    const single = await timeLookups(reader, fill.users, 1, arg('singles', 2000));
    const size = (await ds.query(`SELECT pg_database_size(current_database())::bigint AS b`)) as Array<{ b: string }>;
    console.log(JSON.stringify({ ...fill, databaseBytes: Number(size[0].b), batch: { size: batchSize, ...batched }, single }, null, 2));
  } finally {
    await ds.destroy().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
