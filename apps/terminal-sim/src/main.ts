import { writeFileSync } from 'node:fs';
import { parseCli, USAGE } from './cli-args';
import { startFleet, type FleetHandle } from './fleet';

// terminal-sim: N users × K simulated devices reacting to SIRs through the client SDK (seed §C1-C5).
async function main(): Promise<void> {
  let cli;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message || USAGE);
    process.exitCode = 2;
    return;
  }
  const fleet = await startFleet(cli.fleet);
  const { totals, resources, startup } = fleet.report();
  const processUptimeMs = Math.round(process.uptime() * 1000); // includes compiling the sources on the fly
  console.log(JSON.stringify({ event: 'started', devices: totals.devices, registered: totals.registered, startup, processUptimeMs, resources }));
  await until(cli.durationS);
  await finish(fleet, cli.reportPath);
}

/** The duration, or the first SIGINT/SIGTERM. */
function until(durationS: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = durationS === undefined ? undefined : setTimeout(resolve, durationS * 1000);
    const stop = () => {
      if (timer) clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function finish(fleet: FleetHandle, reportPath: string | undefined): Promise<void> {
  const report = fleet.report();
  await fleet.stop();
  if (reportPath) writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify({ event: 'stopped', totals: report.totals, resources: report.resources, report: reportPath ?? null }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
