// Where a service spends its CPU: reads V8 .cpuprofile files (BENCH_CPU_PROF=1 npm run bench) and
// prints self time by code area (node_modules package, libs/<area>, Node internals, GC), so the
// README can name what limits the pipeline.
//   node -r ./scripts/ts-register.cjs bench/pipeline/profile-summary.ts <file.cpuprofile>... [--top 15]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<pkg>, libs/<a>/<b>, apps/<app>, node:internal, or the V8 pseudo-frames. */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const lib = /\/(libs\/[^/]+\/[^/]+|apps\/[^/]+)\//.exec(url);
  if (lib) return lib[1];
  return url.startsWith('node:') ? url.split('/').slice(0, 2).join('/') : url;
}

function selfTimes(profile: CpuProfile): { byArea: Map<string, number>; byFunction: Map<string, number>; total: number } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += dt;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + dt);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${area}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
  });
  return { byArea, byFunction, total };
}

function top(map: Map<string, number>, total: number, n: number): string[] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

function main(args: string[]): void {
  const t = args.indexOf('--top');
  const n = t >= 0 ? Number(args[t + 1]) : 15;
  const files = args.filter((a, i) => a !== '--top' && i !== t + 1);
  for (const file of files) {
    const { byArea, byFunction, total } = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s on CPU (idle excluded)`);
    console.log('  by area:');
    for (const line of top(byArea, total, n)) console.log(`    ${line}`);
    console.log('  by function (self):');
    for (const line of top(byFunction, total, n)) console.log(`    ${line}`);
  }
}

if (require.main === module || process.argv[1]?.endsWith("profile-summary.ts")) main(process.argv.slice(2));
