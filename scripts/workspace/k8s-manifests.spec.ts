// The Kubernetes manifests (deploy/k8s) against the code they deploy: every service has a
// Deployment that runs its main.ts, serves its health endpoints on the port it listens on, binds
// beyond loopback, sets only environment variables the service reads, migrates its database before
// it starts, and the bearers scale on their own. No cluster here: this reads the YAML.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const { loadAll } = require('js-yaml') as { loadAll(text: string): unknown[] };

const ROOT = resolve(__dirname, '../..');
const DIR = join(ROOT, 'deploy/k8s');
const SERVICES = [
  'push-intake', 'registry', 'id-check', 'sir-composer', 'encapsulator', 'session',
  'delivery-sip', 'delivery-sms', 'delivery-udp', 'delivery-http',
] as const;
/** One replica on purpose: state kept in memory (docs/bearers.md section 6, docs/session.md). */
const SINGLE = new Set(['encapsulator', 'session']);

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image: string;
  args: string[];
  ports?: Array<{ name: string; containerPort: number; protocol: string }>;
  env?: EnvVar[];
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
}
interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    scaleTargetRef?: { kind: string; name: string };
    template?: { spec: { containers: Container[]; initContainers?: Container[] } };
  };
}

const read = (file: string) => loadAll(readFileSync(join(DIR, file), 'utf8')) as Resource[];
const applied = (read('kustomization.yaml')[0] as unknown as { resources: string[] }).resources;
const all = applied.flatMap(read);
const find = (kind: string, name: string) => all.find((r) => r.kind === kind && r.metadata.name === name);
const platformSource = readFileSync(join(ROOT, 'libs/platform/config/src/platform-config.ts'), 'utf8');
const configSource = (app: string) =>
  readdirSync(join(ROOT, 'apps', app, 'src'))
    .filter((f) => f.endsWith('.config.ts'))
    .map((f) => readFileSync(join(ROOT, 'apps', app, 'src', f), 'utf8'))
    .join('\n');
/** Env names read by a service: the platform's and its own config file's `'NAME'` literals. */
const readsEnv = (app: string, name: string) => [platformSource, configSource(app)].some((src) => src.includes(`'${name}'`));
const configMap = find('ConfigMap', 'waken-platform') as Resource;
const secret = (loadAll(readFileSync(join(DIR, 'secrets.example.yaml'), 'utf8')) as Resource[])[0];

describe('deploy/k8s manifests', () => {
  it('the kustomization applies every manifest of the folder but the secret example', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && f !== 'secrets.example.yaml');
    expect([...applied].sort()).toEqual(files.sort());
    expect(all.every((r) => typeof r.apiVersion === 'string' && typeof r.kind === 'string' && r.metadata?.name)).toBe(true);
  });

  it.each(SERVICES)('%s: a Deployment running its main.ts with probes on the port it listens on, bound beyond loopback', (app) => {
    const deployment = find('Deployment', `waken-${app}`);
    expect(deployment).toBeDefined();
    const [container] = deployment?.spec?.template?.spec.containers ?? [];
    expect(container.args).toEqual([`apps/${app}/src/main.ts`]);
    expect(existsSync(join(ROOT, container.args[0]))).toBe(true);
    const env = new Map((container.env ?? []).map((e) => [e.name, e]));
    const http = container.ports?.find((p) => p.name === 'http');
    expect(env.get('HTTP_PORT')?.value).toBe(String(http?.containerPort));
    expect(env.get('HTTP_HOST')?.value).toBe('0.0.0.0');
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(find('Service', `waken-${app}`)).toBeDefined();
  });

  it.each(SERVICES)('%s: sets only environment variables the service reads, from keys that exist', (app) => {
    const deployment = find('Deployment', `waken-${app}`) as Resource;
    const spec = deployment.spec?.template?.spec;
    for (const container of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
      for (const e of container.env ?? []) {
        expect({ app, env: e.name, read: readsEnv(app, e.name) }).toEqual({ app, env: e.name, read: true });
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm) expect(Object.keys(configMap.data ?? {})).toContain(cm.key);
        const sk = e.valueFrom?.secretKeyRef;
        if (sk) expect(Object.keys(secret.stringData ?? {})).toContain(sk.key);
      }
    }
    for (const key of Object.keys(configMap.data ?? {})) {
      // a platform-wide key is read by every service; the others by at least one
      expect({ key, read: SERVICES.some((s) => readsEnv(s, key)) }).toEqual({ key, read: true });
    }
  });

  it.each(SERVICES.filter((app) => existsSync(join(ROOT, 'apps', app, 'src/migrate.ts'))))('%s: migrates its database in an init container first', (app) => {
    const init = find('Deployment', `waken-${app}`)?.spec?.template?.spec.initContainers ?? [];
    expect(init.map((c) => c.args)).toEqual([[`apps/${app}/src/migrate.ts`, 'up']]);
  });

  it('the bearers and the stateless stages scale on their own; services with in-memory state stay at one replica', () => {
    for (const app of SERVICES) {
      const hpa = find('HorizontalPodAutoscaler', `waken-${app}`);
      const replicas = find('Deployment', `waken-${app}`)?.spec?.replicas;
      if (SINGLE.has(app)) {
        expect({ app, hpa, replicas }).toEqual({ app, hpa: undefined, replicas: 1 });
      } else {
        expect(hpa?.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: `waken-${app}` });
      }
    }
  });
});
