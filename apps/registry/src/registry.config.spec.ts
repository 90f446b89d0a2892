import { EnvReader } from '@waken/platform-config';
import { loadRegistryConfig } from './registry.config';

const valid = { SIR_MASTER_KEY: Buffer.alloc(16, 1).toString('base64'), REGISTRY_ADMIN_TOKENS: 'tenantA:aaaaaaaaaaaaaaaa1, tenantB:bbbbbbbbbbbbbbbb2' };

describe('loadRegistryConfig', () => {
  it('reads the master key, the tokens and the platform defaults', () => {
    const config = loadRegistryConfig(new EnvReader(valid));
    expect(config.sirMasterKey).toHaveLength(16);
    expect(config.adminTokens.map((t) => t.tenantId)).toEqual(['tenantA', 'tenantB']);
    expect(config.platform).toMatchObject({ serviceName: 'registry', httpPort: 3012 });
  });

  it('lists every problem at once: missing or short master key, malformed tokens', () => {
    expect(() => loadRegistryConfig(new EnvReader({}))).toThrow(/SIR_MASTER_KEY is required[\s\S]*REGISTRY_ADMIN_TOKENS is required/);
    const short = { ...valid, SIR_MASTER_KEY: Buffer.alloc(15).toString('base64') };
    expect(() => loadRegistryConfig(new EnvReader(short))).toThrow(/SIR_MASTER_KEY/);
    expect(() => loadRegistryConfig(new EnvReader({ ...valid, REGISTRY_ADMIN_TOKENS: 'tenantA:short' }))).toThrow(/REGISTRY_ADMIN_TOKENS/);
  });
});
