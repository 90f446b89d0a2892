import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIntakeOpenApi } from './intake-openapi';

const CHECKED_IN = join(__dirname, '../../../../../docs/openapi/push-intake.json');

describe('docs/openapi/push-intake.json', () => {
  it('equals the document generated from the controllers (regenerate: apps/push-intake/src/openapi.ts)', async () => {
    const generated = await buildIntakeOpenApi('1');
    expect(JSON.parse(readFileSync(CHECKED_IN, 'utf8'))).toEqual(JSON.parse(JSON.stringify(generated)));
    expect(Object.keys(generated.paths).sort()).toEqual(['/pap', '/v1/pushes', '/v1/pushes/{pushId}', '/wappush']);
    const schema = generated.components?.schemas?.CreatePushDto as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).not.toContain('tenantId');
  });
});
