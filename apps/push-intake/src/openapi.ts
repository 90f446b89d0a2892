// Regenerates docs/openapi/push-intake.json from the controllers and DTOs (@nestjs/swagger).
// libs/intake/feature/src/openapi/intake-openapi.spec.ts fails when the checked-in file differs.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIntakeOpenApi } from '@waken/intake-feature';

const OUT = join(__dirname, '../../../docs/openapi/push-intake.json');

buildIntakeOpenApi('1')
  .then((doc) => {
    writeFileSync(OUT, `${JSON.stringify(doc, null, 2)}\n`);
    process.stdout.write(`wrote ${OUT}\n`);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
