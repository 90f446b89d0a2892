// Creates or replaces a Push Initiator of a tenant and prints its new API key once (only the
// SHA-256 hash is stored). docs/push-intake.md "Keys":
//   node -r ./scripts/ts-register.cjs apps/push-intake/src/admin.ts create-pi --tenant T --pi P \
//     --users 'sip:*@t.example,tel:+43*' [--apps '*'] [--content-types 'text/vnd.wap.si,text/plain'] [--trusted] [--quota 100]
// Binds a client certificate (PEM) to an existing PI, for mutual TLS ("Client certificates"):
//   node -r ./scripts/ts-register.cjs apps/push-intake/src/admin.ts bind-cert --tenant T --pi P --cert pi.pem
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createIntakeDataSource, generateApiKey, PushInitiatorRepository } from '@waken/intake-data-access';
import { EnvReader } from '@waken/platform-config';

const list = (v: string | undefined, dflt: string[]) => (v === undefined ? dflt : v.split(',').map((s) => s.trim()).filter(Boolean));

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      pi: { type: 'string' },
      users: { type: 'string' },
      apps: { type: 'string' },
      'content-types': { type: 'string' },
      trusted: { type: 'boolean', default: false },
      quota: { type: 'string', default: '100' },
      cert: { type: 'string' },
    },
  });
  if (positionals[0] === 'bind-cert') return bindCertificate(values.tenant, values.pi, values.cert);
  const quota = Number(values.quota);
  if (positionals[0] !== 'create-pi' || !values.tenant || !values.pi || !values.users || !Number.isInteger(quota) || quota < 1) {
    throw new Error('usage: admin.ts create-pi --tenant T --pi P --users PATTERNS [--apps A] [--content-types C] [--trusted] [--quota N]');
  }
  const env = new EnvReader();
  const url = env.done(env.url('DATABASE_URL', { default: 'postgres://postgres@127.0.0.1:5432/waken' }));
  const ds = await createIntakeDataSource(url, 1).initialize();
  try {
    const apiKey = generateApiKey();
    await new PushInitiatorRepository().save(
      ds.manager,
      {
        tenantId: values.tenant,
        piId: values.pi,
        allowedUserPatterns: list(values.users, []),
        allowedApplications: list(values.apps, ['*']),
        allowedContentTypes: list(values['content-types'], ['*']),
        trusted: values.trusted ?? false,
        quotaPerSecond: quota,
      },
      apiKey,
    );
    process.stdout.write(`${JSON.stringify({ tenant: values.tenant, pi: values.pi, apiKey })}\n`);
  } finally {
    await ds.destroy();
  }
}

async function bindCertificate(tenant: string | undefined, pi: string | undefined, certFile: string | undefined): Promise<void> {
  if (!tenant || !pi || !certFile) throw new Error('usage: admin.ts bind-cert --tenant T --pi P --cert FILE.pem');
  const sha256 = new X509Certificate(readFileSync(certFile)).fingerprint256;
  const env = new EnvReader();
  const url = env.done(env.url('DATABASE_URL', { default: 'postgres://postgres@127.0.0.1:5432/waken' }));
  const ds = await createIntakeDataSource(url, 1).initialize();
  try {
    if (!(await new PushInitiatorRepository().bindClientCertificate(ds.manager, tenant, pi, sha256))) throw new Error(`no PI ${tenant}/${pi}: create it first`);
    process.stdout.write(`${JSON.stringify({ tenant, pi, clientCertSha256: sha256 })}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
