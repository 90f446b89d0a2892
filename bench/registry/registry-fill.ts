import { DataSource, QueryRunner } from 'typeorm';

const CHUNK = 500000;

export interface FillReport {
  clients: number;
  users: number;
  deviceIdentities: number;
  loadSeconds: number;
}

// The eight kinds besides uuid, one per client in turn, in canonical form (registry-domain).
const OTHER_IDENTITY_SQL = `CASE g % 8
  WHEN 0 THEN 'gruu' WHEN 1 THEN 'imei' WHEN 2 THEN 'uri' WHEN 3 THEN 'urn'
  WHEN 4 THEN 'rfid' WHEN 5 THEN 'esn' WHEN 6 THEN 'mac' ELSE 'fingerprint' END,
  CASE g % 8
  WHEN 0 THEN 'sip:+43' || lpad((g / 3)::text, 9, '0') || '@bench.example;gr=urn:uuid:' || md5('d' || g)::uuid
  WHEN 1 THEN lpad(g::text, 15, '0')
  WHEN 2 THEN 'https://dev.bench.example/' || g
  WHEN 3 THEN 'urn:dev:ops:bench-' || g
  WHEN 4 THEN upper(lpad(to_hex(g), 24, '0'))
  WHEN 5 THEN upper(lpad(to_hex(g), 8, '0'))
  WHEN 6 THEN '02:' || regexp_replace(lpad(to_hex(g), 10, '0'), '(..)(?!$)', '\\1:', 'g')
  ELSE md5('f' || g) || md5('g' || g) END`;

const USERS_SQL = `INSERT INTO registry_user (id, tenant_id, public_user_identity)
  SELECT md5('u' || g)::uuid, 'bench-' || (g % 4), 'sip:+43' || lpad(g::text, 9, '0') || '@bench.example'
  FROM generate_series($1::bigint, $2::bigint) g`;

// client g belongs to user g / 3; a GRUU and an SMS activation each
const CLIENTS_SQL = `INSERT INTO registry_client (tenant_id, client_id, user_id, capabilities, preferences, subscriptions, activation_methods, sir_key_id)
  SELECT 'bench-' || ((g / 3) % 4), 'c' || g, md5('u' || (g / 3))::uuid, '{"screen":"1080x2400"}',
    '{"contentTypes":[],"applications":[],"optedOut":false}', '[{"piId":"*"}]',
    jsonb_build_array(
      jsonb_build_object('bearer', 'sip', 'address', 'sip:+43' || lpad((g / 3)::text, 9, '0') || '@bench.example;gr=urn:uuid:' || md5('d' || g)::uuid),
      jsonb_build_object('bearer', 'sms', 'address', '+43' || lpad(g::text, 10, '0'))),
    'client:bench-' || ((g / 3) % 4) || '/c' || g || '#1'
  FROM generate_series($1::bigint, $2::bigint) g`;

const IDENTITIES_SQL = `INSERT INTO device_identity (tenant_id, client_id, kind, value, position)
  SELECT 'bench-' || ((g / 3) % 4), 'c' || g, 'uuid', 'urn:uuid:' || md5('d' || g)::uuid, 0 FROM generate_series($1::bigint, $2::bigint) g
  UNION ALL
  SELECT 'bench-' || ((g / 3) % 4), 'c' || g, ${OTHER_IDENTITY_SQL}, 1 FROM generate_series($1::bigint, $2::bigint) g`;

/**
 * Fills the registry with `clients` clients, 3 per user, over 4 tenants, each with a uuid and
 * one identity of another kind, and a GRUU + SMS activation. INSERT ... SELECT generate_series
 * in chunks; secondary indexes and foreign keys are dropped during the load and rebuilt after
 * (one sorted build instead of millions of incremental inserts), which ends in the migrated schema.
 */
export async function fillRegistry(ds: DataSource, clients: number, progress: (done: number) => void): Promise<FillReport> {
  const started = performance.now();
  const users = Math.ceil(clients / 3);
  const q = ds.createQueryRunner(); // one connection, so that the SET applies to the index builds
  try {
    await q.query(`SET maintenance_work_mem = '1GB'`);
    const restore = await dropSecondaryStructures(q);
    for (let from = 0; from < users; from += CHUNK) await q.query(USERS_SQL, [from, Math.min(users, from + CHUNK) - 1]);
    for (let from = 0; from < clients; from += CHUNK) {
      const range = [from, Math.min(clients, from + CHUNK) - 1];
      await q.query(CLIENTS_SQL, range);
      await q.query(IDENTITIES_SQL, range);
      progress(range[1] + 1);
    }
    for (const sql of restore) await q.query(sql);
    await q.query(`VACUUM ANALYZE`); // statistics, and the visibility map that index-only scans need
  } finally {
    await q.release();
  }
  return { clients, users, deviceIdentities: clients * 2, loadSeconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** Drops foreign keys and non-constraint indexes; returns the statements that recreate them. */
async function dropSecondaryStructures(ds: QueryRunner): Promise<string[]> {
  const tables = `('registry_user', 'registry_client', 'device_identity')`;
  const fks = (await ds.query(
    `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ${tables}`,
  )) as Array<{ t: string; conname: string; def: string }>;
  const indexes = (await ds.query(
    `SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public' AND tablename IN ${tables}
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  )) as Array<{ indexname: string; indexdef: string }>;
  for (const fk of fks) await ds.query(`ALTER TABLE ${fk.t} DROP CONSTRAINT ${fk.conname}`);
  for (const index of indexes) await ds.query(`DROP INDEX ${index.indexname}`);
  return [...indexes.map((i) => i.indexdef), ...fks.map((fk) => `ALTER TABLE ${fk.t} ADD CONSTRAINT ${fk.conname} ${fk.def}`)];
}
