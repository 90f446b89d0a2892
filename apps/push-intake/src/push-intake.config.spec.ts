import { ConfigError, EnvReader } from '@waken/platform-config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPushIntakeConfig, parsePiKeys } from './push-intake.config';

describe('push-intake configuration', () => {
  it('reads defaults: port 3011, 1 MiB bodies, 30 s deadline, private notify URLs refused', () => {
    const config = loadPushIntakeConfig(new EnvReader({}));
    expect(config.platform.httpPort).toBe(3011);
    expect(config.platform.kafka.groupId).toBe('push-intake');
    expect(config.feature).toMatchObject({ maxBodyBytes: 1048576, bodyTimeoutMs: 30000, allowPrivateNotifyUrls: false, seededKeys: [] });
  });

  it('seeds INTAKE_PI_KEYS=tenant:pi:key and refuses malformed entries at boot', () => {
    expect(parsePiKeys(['ta:pi-1:0123456789abcdef0', 'bad'])).toEqual({ keys: [{ tenantId: 'ta', piId: 'pi-1', apiKey: '0123456789abcdef0' }], bad: ['bad'] });
    const env = new EnvReader({ INTAKE_PI_KEYS: 'ta:pi:short' });
    expect(() => loadPushIntakeConfig(env)).toThrow(ConfigError);
    const ok = loadPushIntakeConfig(new EnvReader({ INTAKE_PI_KEYS: 'ta:pi:0123456789abcdef0,tb:pi:fedcba98765432100' }));
    expect(ok.feature.seededKeys.map((k) => k.tenantId)).toEqual(['ta', 'tb']);
  });

  it('TLS: certificate and key go together, a client CA needs them, requiring client certificates needs a CA; files are read at boot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waken-tls-config-'));
    try {
      const file = (name: string) => {
        writeFileSync(join(dir, name), `${name} pem`);
        return join(dir, name);
      };
      const [cert, key, ca] = [file('cert.pem'), file('key.pem'), file('ca.pem')];
      expect(loadPushIntakeConfig(new EnvReader({})).tls).toBeUndefined();
      expect(() => loadPushIntakeConfig(new EnvReader({ INTAKE_TLS_CERT_FILE: cert }))).toThrow(ConfigError);
      expect(() => loadPushIntakeConfig(new EnvReader({ INTAKE_TLS_CLIENT_CA_FILE: ca }))).toThrow(ConfigError);
      expect(() => loadPushIntakeConfig(new EnvReader({ INTAKE_TLS_CERT_FILE: cert, INTAKE_TLS_KEY_FILE: join(dir, 'missing.pem') }))).toThrow(/cannot read/);
      expect(() => loadPushIntakeConfig(new EnvReader({ INTAKE_TLS_CERT_FILE: cert, INTAKE_TLS_KEY_FILE: key, INTAKE_REQUIRE_CLIENT_CERT: 'true' }))).toThrow(ConfigError);
      const mtls = loadPushIntakeConfig(new EnvReader({ INTAKE_TLS_CERT_FILE: cert, INTAKE_TLS_KEY_FILE: key, INTAKE_TLS_CLIENT_CA_FILE: ca, INTAKE_REQUIRE_CLIENT_CERT: 'true' }));
      expect(mtls.tls?.clientCa?.toString()).toBe('ca.pem pem');
      expect(mtls.feature.requireClientCertificate).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
