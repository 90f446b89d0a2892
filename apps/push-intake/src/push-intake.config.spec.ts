import { ConfigError, EnvReader } from '@waken/platform-config';
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
});
