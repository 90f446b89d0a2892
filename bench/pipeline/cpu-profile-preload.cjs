// BENCH_CPU_PROF=1: loaded into each service with NODE_OPTIONS=--require (Node refuses --cpu-prof
// there). Samples the process with V8's profiler from start to exit and writes a .cpuprofile into
// BENCH_CPU_PROF_DIR; bench/pipeline/profile-summary.ts reads it.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, basename, dirname } = require('node:path');

const dir = process.env.BENCH_CPU_PROF_DIR;
const main = process.argv[1] ?? 'node';
const name = `${basename(dirname(dirname(main)))}-${process.pid}.cpuprofile`; // apps/<app>/src/main.ts → <app>-<pid>
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.once('exit', () => {
    // a same-thread inspector session answers synchronously, so this completes inside 'exit'
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), JSON.stringify(result.profile));
    });
  });
}
