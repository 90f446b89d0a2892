// Boundaries between apps and libs are lint errors (shared/STYLE.md).
// Two tag axes: type:* (what a project is) and scope:* (which seed unit it serves).
const nx = require('@nx/eslint-plugin');

const FRAMEWORK_IMPORTS = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'express', '@electric-sql/*'];

const depConstraints = [
  // --- type axis --- (type:testing is allowed everywhere for specs; it depends on nothing of ours but contracts)
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:data-access', 'type:platform', 'type:contracts', 'type:testing'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:feature', 'type:domain', 'type:data-access', 'type:platform', 'type:contracts'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:data-access', 'type:platform', 'type:contracts', 'type:testing'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:platform', 'type:contracts', 'type:testing'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:testing'],
    bannedExternalImports: FRAMEWORK_IMPORTS,
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: FRAMEWORK_IMPORTS },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:testing'] },
  // --- scope axis ---
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:intake', 'scope:shared'] },
  { sourceTag: 'scope:registry', onlyDependOnLibsWithTags: ['scope:registry', 'scope:sir', 'scope:shared'] }, // sir: issues each client's SIR key
  { sourceTag: 'scope:id-check', onlyDependOnLibsWithTags: ['scope:id-check', 'scope:shared'] },
  { sourceTag: 'scope:sir', onlyDependOnLibsWithTags: ['scope:sir', 'scope:shared'] },
  { sourceTag: 'scope:bearer', onlyDependOnLibsWithTags: ['scope:bearer', 'scope:sir', 'scope:shared'] },
  { sourceTag: 'scope:session', onlyDependOnLibsWithTags: ['scope:session', 'scope:bearer', 'scope:sir', 'scope:shared'] },
  { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:client', 'scope:bearer', 'scope:sir', 'scope:shared'] },
  // the gateway (cli, embedded mode, e2e) composes every unit
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['*'] },
];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/node_modules', '**/dist', '**/.nx', '**/.run', 'docker/kafka/lib', '**/fixtures/lint-violation/**'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          checkDynamicDependenciesExceptions: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/cli/**/*.ts', 'apps/terminal-sim/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
];
module.exports.depConstraints = depConstraints;
