import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { readPlatformConfig } from './platform-config';

describe('EnvReader', () => {
  it('reads typed values with defaults', () => {
    const env = new EnvReader({ A: ' 5 ', B: 'yes', C: 'x, y ,,z', D: 'http://h:1/p' });
    const v = env.done({
      a: env.int('A', { min: 1 }),
      b: env.bool('B'),
      c: env.list('C'),
      d: env.url('D'),
      e: env.string('E', { default: 'dflt' }),
    });
    expect(v).toEqual({ a: 5, b: true, c: ['x', 'y', 'z'], d: 'http://h:1/p', e: 'dflt' });
  });

  it('reports every problem at once', () => {
    const env = new EnvReader({ PORT: 'eighty', LEVEL: 'loud', URL: 'nope' });
    env.int('PORT');
    env.string('LEVEL', { oneOf: ['info', 'warn'] });
    env.url('URL');
    env.string('REQUIRED', { description: 'the broker list' });
    let error: unknown;
    try {
      env.done({});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT="eighty" is not an integer',
      'LEVEL="loud" must be one of info, warn',
      'URL="nope" is not a URL',
      'REQUIRED is required (the broker list)',
    ]);
  });

  it('enforces ranges', () => {
    const env = new EnvReader({ P: '70000' });
    env.int('P', { max: 65535 });
    expect(() => env.done({})).toThrow(/above 65535/);
  });

  it('builds the shared platform config, group id = service name', () => {
    const env = new EnvReader({ KAFKA_BROKERS: '127.0.0.1:1,127.0.0.1:2', WAKEN_INSTANCE_ID: 'r-1' });
    const cfg = env.done(readPlatformConfig(env, 'registry', { httpPort: 3001 }));
    expect(cfg.kafka).toEqual({ brokers: ['127.0.0.1:1', '127.0.0.1:2'], clientId: 'r-1', groupId: 'registry', topicPrefix: '', fetchMinBytes: 1, fetchMaxWaitMs: 250, lingerMs: 0 });
    expect(cfg.httpPort).toBe(3001);
  });
});
