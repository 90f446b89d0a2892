// Optional mutual TLS for PIs (docs/push-intake.md "Client certificates") on real PostgreSQL and
// Kafka: push-intake serves HTTPS; a client certificate from the trusted CA, bound to a PI, names
// it without an API key; certificates from another CA, or not bound, or naming another PI than the
// key, are refused with 401; INTAKE_REQUIRE_CLIENT_CERT refuses a key alone. Certificates are made
// by the openssl command line for each run.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PushInitiatorRepository } from '@waken/intake-data-access';
import { bearer, IntakeHarness } from './testing/intake-harness';

interface Pem {
  cert: Buffer;
  key: Buffer;
}

/** A CA, a server certificate for 127.0.0.1 and client certificates, under a temporary directory. */
class Certificates {
  readonly dir = mkdtempSync(join(tmpdir(), 'waken-mtls-'));

  authority(name: string): Pem {
    this.openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${name}`,
      '-keyout', this.path(`${name}.key`), '-out', this.path(`${name}.pem`)]);
    return this.read(name);
  }

  issued(name: string, ca: string, extensions: string): Pem {
    this.openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${name}`, '-keyout', this.path(`${name}.key`), '-out', this.path(`${name}.csr`)]);
    this.openssl(['x509', '-req', '-in', this.path(`${name}.csr`), '-CA', this.path(`${ca}.pem`), '-CAkey', this.path(`${ca}.key`), '-CAcreateserial',
      '-days', '2', '-extfile', this.extensions(name, extensions), '-out', this.path(`${name}.pem`)]);
    return this.read(name);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private extensions(name: string, text: string): string {
    const file = this.path(`${name}.ext`);
    execFileSync('sh', ['-c', `printf '%s\\n' "$1" > "$2"`, 'sh', text, file]);
    return file;
  }

  private read(name: string): Pem {
    return { cert: readFileSync(this.path(`${name}.pem`)), key: readFileSync(this.path(`${name}.key`)) };
  }

  private path(file: string): string {
    return join(this.dir, file);
  }

  private openssl(args: string[]): void {
    execFileSync('openssl', args, { stdio: 'pipe' });
  }
}

const CLIENT = 'extendedKeyUsage=clientAuth';

describe('mutual TLS for PIs (push-intake on HTTPS, real PostgreSQL + Kafka)', () => {
  const certs = new Certificates();
  const ca = certs.authority('pi-ca');
  certs.authority('other-ca');
  const server = certs.issued('server', 'pi-ca', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth');
  const piA = certs.issued('pi-a', 'pi-ca', CLIENT);
  const unbound = certs.issued('nobody', 'pi-ca', CLIENT);
  const foreign = certs.issued('foreign', 'other-ca', CLIENT);
  const tls = { key: server.key, cert: server.cert, ca: ca.cert };

  let h: IntakeHarness;
  let strict: IntakeHarness | undefined;
  beforeAll(async () => {
    h = await IntakeHarness.start('mutual_tls', {}, tls);
    const bound = await new PushInitiatorRepository().bindClientCertificate(h.ds.manager, 'ta', 'pi-a', new X509Certificate(piA.cert).fingerprint256);
    expect(bound).toBe(true);
  });
  afterAll(async () => {
    await strict?.close();
    await h?.close();
    certs.remove();
  });

  /** POST /v1/pushes over HTTPS, with or without a client certificate and an API key. */
  const create = (url: string, pushId: string, opts: { client?: Pem; authorization?: string }) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      const body = JSON.stringify({ pushId, recipients: ['sip:anna@a.example'], content: { contentType: 'text/plain', body: 'hello over mTLS' } });
      const req = request(
        `${url}/v1/pushes`,
        {
          method: 'POST',
          ca: ca.cert,
          ...(opts.client && { cert: opts.client.cert, key: opts.client.key }),
          headers: { 'content-type': 'application/json', ...(opts.authorization && { authorization: opts.authorization }) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', fail);
      req.end(body);
    });

  it('serves HTTPS; a trusted certificate bound to a PI names it, no API key needed', async () => {
    expect(h.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await create(h.url, 'mtls-1', { client: piA });
    expect(r.status).toBe(202);
    expect(await h.count(`SELECT count(*) AS n FROM push WHERE push_id = 'mtls-1' AND tenant_id = 'ta' AND pi_id = 'pi-a'`)).toBe(1);
  });

  it('the certificate and the key of the same PI together are accepted; of different PIs, refused', async () => {
    expect((await create(h.url, 'mtls-2', { client: piA, authorization: bearer('a') })).status).toBe(202);
    const r = await create(h.url, 'mtls-3', { client: piA, authorization: bearer('b') });
    expect(r.status).toBe(401);
    expect(r.body).toContain('different PIs');
  });

  it('a certificate of another CA, or one bound to no PI, is refused even with a valid key; nothing is stored', async () => {
    const untrusted = await create(h.url, 'mtls-4', { client: foreign, authorization: bearer('a') });
    expect(untrusted.status).toBe(401);
    expect(untrusted.body).toContain('not trusted');
    const notBound = await create(h.url, 'mtls-5', { client: unbound, authorization: bearer('a') });
    expect(notBound.status).toBe(401);
    expect(notBound.body).toContain('not bound');
    expect(await h.count(`SELECT count(*) AS n FROM push WHERE push_id IN ('mtls-4', 'mtls-5')`)).toBe(0);
  });

  it('without a certificate the API key still works, unless client certificates are required', async () => {
    expect((await create(h.url, 'mtls-6', { authorization: bearer('a') })).status).toBe(202);
    strict = await IntakeHarness.start('mutual_tls_strict', { requireClientCertificate: true }, tls);
    await new PushInitiatorRepository().bindClientCertificate(strict.ds.manager, 'ta', 'pi-a', new X509Certificate(piA.cert).fingerprint256);
    const keyOnly = await create(strict.url, 'mtls-7', { authorization: bearer('a') });
    expect(keyOnly.status).toBe(401);
    expect(keyOnly.body).toContain('client certificate is required');
    expect((await create(strict.url, 'mtls-8', { client: piA })).status).toBe(202);
  });
});
