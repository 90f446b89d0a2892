// Writes docs/openapi/registry.json from the controllers and DTOs:
//   node -r ./scripts/ts-register.cjs apps/registry/src/generate-openapi.ts
// openapi.spec.ts fails when the checked-in file differs from what this generates.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRegistryOpenApi } from '@waken/registry-feature';

export const OPENAPI_PATH = resolve(__dirname, '../../../docs/openapi/registry.json');

export async function renderRegistryOpenApi(): Promise<string> {
  return `${JSON.stringify(await buildRegistryOpenApi(), null, 2)}\n`;
}

if (require.main === module) {
  renderRegistryOpenApi().then(
    (text) => {
      writeFileSync(OPENAPI_PATH, text);
      console.warn(`wrote ${OPENAPI_PATH}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
