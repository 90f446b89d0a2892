// Regenerates the checked-in API documents from the code: docs/asyncapi.json (libs/contracts).
// CI compares them (libs/contracts/src/asyncapi-document.spec.ts).
require('./ts-register.cjs');
const fs = require('fs');
const path = require('path');
const { buildAsyncApiDocument } = require('../libs/contracts/src/asyncapi-document.ts');
const { version } = require('../package.json');
const out = path.join(__dirname, '../docs/asyncapi.json');
fs.writeFileSync(out, JSON.stringify(buildAsyncApiDocument(version), null, 2) + '\n');
console.log(`wrote ${path.relative(process.cwd(), out)}`);
