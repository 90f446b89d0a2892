// Keeps tsconfig.base.json paths and each lib's project.json in step with scripts/projects.json.
// Run after adding a lib: node scripts/sync-projects.cjs
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const projects = require('./projects.json');
const basePath = path.join(root, 'tsconfig.base.json');
const base = JSON.parse(fs.readFileSync(basePath, 'utf8'));
base.compilerOptions.paths = {};
for (const [dir, p] of Object.entries(projects)) {
  base.compilerOptions.paths[p.alias] = [`${dir}/src/index.ts`];
  const abs = path.join(root, dir);
  fs.mkdirSync(path.join(abs, 'src'), { recursive: true });
  const pj = {
    name: p.name,
    $schema: `${'../'.repeat(dir.split('/').length)}node_modules/nx/schemas/project-schema.json`,
    sourceRoot: `${dir}/src`,
    projectType: 'library',
    tags: p.tags,
    targets: { test: { executor: 'nx:run-commands', options: { command: `jest --testPathPatterns ${dir}/` } } },
  };
  fs.writeFileSync(path.join(abs, 'project.json'), JSON.stringify(pj, null, 2) + '\n');
  const index = path.join(abs, 'src/index.ts');
  if (!fs.existsSync(index)) fs.writeFileSync(index, 'export {};\n');
}
fs.writeFileSync(basePath, JSON.stringify(base, null, 2) + '\n');
