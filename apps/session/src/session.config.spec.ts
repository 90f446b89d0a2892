import { EnvReader } from '@waken/platform-config';
import { loadSessionConfig } from './session.config';

const valid = { SIR_MASTER_KEY: Buffer.alloc(16, 1).toString('base64') };

describe('loadSessionConfig', () => {
  it('reads the master key and the documented defaults', () => {
    const config = loadSessionConfig(new EnvReader(valid));
    expect(config.feature.master).toHaveLength(16);
    expect(config.feature).toMatchObject({
      ppgAor: 'sip:ppg@example.com',
      sip: { host: '127.0.0.1', port: 5070, transports: ['udp', 'tcp'] },
      registrar: { host: '127.0.0.1', port: 15060, transport: 'udp' },
      registerExpiresS: 600,
      tenants: [],
      idleMs: 900_000,
      maxNotifyPerSession: 1,
    });
    expect(config.feature.instanceId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(loadSessionConfig(new EnvReader(valid)).feature.instanceId).toBe(config.feature.instanceId);
    expect(config.platform).toMatchObject({ serviceName: 'session', httpPort: 3016 });
  });

  it('lists every problem at once', () => {
    const bad = { SIR_MASTER_KEY: 'short', PPG_AOR: 'ppg@example.com', SESSION_SIP_PORT: '70000', SESSION_SIP_TRANSPORTS: 'sctp', SESSION_IDLE_MS: '5' };
    expect(() => loadSessionConfig(new EnvReader(bad))).toThrow(/SIR_MASTER_KEY[\s\S]*PPG_AOR[\s\S]*SESSION_SIP_PORT[\s\S]*SESSION_SIP_TRANSPORTS[\s\S]*SESSION_IDLE_MS/);
  });
});
