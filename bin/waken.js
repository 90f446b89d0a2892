#!/usr/bin/env node
// The `waken` command (package.json "bin"): runs the TypeScript sources of apps/cli directly.
require('../scripts/ts-register.cjs');
require('../apps/cli/src/main.ts');
