// docs/openapi/registry.json is generated from the code; this fails when they drift apart.
import { readFileSync } from 'node:fs';
import { OPENAPI_PATH, renderRegistryOpenApi } from './generate-openapi';

describe('docs/openapi/registry.json', () => {
  it('equals the document generated from the controllers (regenerate with apps/registry/src/generate-openapi.ts)', async () => {
    const generated = await renderRegistryOpenApi();
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(generated);
    const doc = JSON.parse(generated);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/users', '/v1/users/{publicUserIdentity}', '/v1/users/{publicUserIdentity}/clients/{clientId}']),
    );
    expect(doc.components.schemas.CreateClientDto.properties.deviceIdentities.items).toEqual({ $ref: '#/components/schemas/DeviceIdentityDto' });
  });
});
