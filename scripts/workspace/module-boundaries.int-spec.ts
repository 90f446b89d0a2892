// Boundaries between apps and libs are lint errors (issue 2): a deliberate wrong-way import
// fails `nx lint`'s rule, and the real tree passes (the test command also runs `nx run-many -t lint`).
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';


const root = join(__dirname, '../..');

/** Lints `code` as if it were the file at `filePath`, with the workspace's real ESLint config. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', join(root, filePath)], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ severity: number; ruleId: string; message: string }> }>;
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // the rule reads the cached project graph; make sure it is there and current
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  });

  it('refuses a domain lib importing a platform lib (type axis)', async () => {
    const errors = await lint('libs/xml/src/wrong-way.ts', `import { MessageBus } from '@waken/platform-messaging';\nexport const x = MessageBus;\n`);
    expect(errors.join('\n')).toMatch(/@nx\/enforce-module-boundaries: A project tagged with "type:domain" can only depend on/);
  });

  it('refuses a domain lib importing a framework (banned external imports)', async () => {
    const errors = await lint('libs/sir/domain/src/wrong-way.ts', `import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n`);
    expect(errors.join('\n')).toMatch(/imports of "kafkajs" are banned|kafkajs/);
  });

  it('refuses crossing scopes (intake reaching into the registry)', async () => {
    const errors = await lint('libs/intake/pap/src/wrong-way.ts', `import * as r from '@waken/registry-domain';\nexport const x = r;\n`);
    expect(errors.join('\n')).toMatch(/scope:intake" can only depend on/);
  });

  it('refuses a lib importing an app by relative path', async () => {
    const errors = await lint('libs/contracts/src/wrong-way.ts', `import * as a from '../../../apps/registry/src/main';\nexport const x = a;\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('nx graph: apps depend only on libs, libs never on apps', () => {
    const file = join(root, '.run', 'project-graph.json');
    execFileSync('npx', ['nx', 'graph', `--file=${file}`], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { graph } = require(file) as { graph: { nodes: Record<string, { type: string }>; dependencies: Record<string, Array<{ target: string }>> } };
    const kind = (name: string) => graph.nodes[name]?.type;
    const edges = Object.entries(graph.dependencies).flatMap(([source, deps]) => deps.filter((d) => graph.nodes[d.target]).map((d) => [source, d.target]));
    expect(edges.length).toBeGreaterThan(10);
    expect(edges.filter(([, target]) => kind(target) !== 'lib').map((e) => e.join(' -> '))).toEqual([]);
  });

  it('accepts an allowed import', async () => {
    const errors = await lint('libs/sir/domain/src/right-way.ts', `import { ByteReader } from '@waken/wire';\nexport const x = ByteReader;\n`);
    expect(errors).toEqual([]);
  });
});
