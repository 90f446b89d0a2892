import { FleetHandle, SimDevice } from '../../apps/terminal-sim/src';
import { nowMs, pollUntil } from '../pipeline/progress';
import { settled } from './wake-fleet';

export interface RoundCounts {
  pushes: number;
  accepted: number;
  /** Targeted devices that received their push over the session they opened (seed §C3). */
  delivered: number;
  sirsToTargets: number;
  sirsToOthers: number;
  sessionsOfTargets: number;
  sessionsOfOthers: number;
  /** Devices that were not targeted and still received a SIR or opened a session. */
  nonTargetWakeups: number;
  /** Accepted pushes: internal id, when the bench sent the request and got the 202 (epoch ms). */
  pushes202: Array<[id: string, sentAt: number, answeredAt: number]>;
}

export interface RoundContext {
  fleet: FleetHandle;
  intakeUrl: string;
  apiKey: string;
  timeoutMs: number;
}

type Counters = Map<string, { sirs: number; sessions: number; pushes: number }>;

function counters(fleet: FleetHandle): Counters {
  return new Map(fleet.devices.map((d) => {
    const r = d.device.report();
    return [d.spec.id, { sirs: r.sirsReceived, sessions: r.sessionsOpened, pushes: r.pushesReceived }];
  }));
}

/**
 * One push per user naming one of its devices (`targetDevices`, seed §S3/§S7); waits until each
 * target received it, then until every SIR that reached any device has had its outcome, and
 * counts, per device, what this round changed.
 */
export async function runRound(ctx: RoundContext, targets: SimDevice[]): Promise<RoundCounts> {
  const before = counters(ctx.fleet);
  const pushes202 = (await Promise.all(targets.map((t) => submit(ctx, t)))).filter((p): p is [string, number, number] => p !== undefined);
  const got = (d: SimDevice) => d.device.report().pushesReceived > (before.get(d.spec.id)?.pushes ?? 0);
  await pollUntil(() => targets.every(got), ctx.timeoutMs);
  // strays: a forked SIR reaches the other devices at about the same time; wait until every SIR
  // has had its outcome and no new one arrived for a second (bounded)
  let seen = -1;
  let quietSince = performance.now();
  await pollUntil(() => {
    const now = ctx.fleet.devices.reduce((n, d) => n + d.device.report().sirsReceived, 0);
    if (now !== seen) [seen, quietSince] = [now, performance.now()];
    return performance.now() - quietSince >= 1000 && ctx.fleet.devices.every(settled);
  }, 6000);
  const after = counters(ctx.fleet);
  const targeted = new Set(targets.map((t) => t.spec.id));
  const c: RoundCounts = { pushes: targets.length, accepted: pushes202.length, delivered: targets.filter(got).length, sirsToTargets: 0, sirsToOthers: 0, sessionsOfTargets: 0, sessionsOfOthers: 0, nonTargetWakeups: 0, pushes202 };
  for (const d of ctx.fleet.devices) {
    const b = before.get(d.spec.id);
    const a = after.get(d.spec.id);
    if (!a || !b) continue;
    const sirs = a.sirs - b.sirs;
    const sessions = a.sessions - b.sessions;
    if (targeted.has(d.spec.id)) {
      c.sirsToTargets += sirs;
      c.sessionsOfTargets += sessions;
    } else {
      c.sirsToOthers += sirs;
      c.sessionsOfOthers += sessions;
      if (sirs > 0 || sessions > 0) c.nonTargetWakeups += 1;
    }
  }
  return c;
}

async function submit(ctx: RoundContext, target: SimDevice): Promise<[string, number, number] | undefined> {
  const sentAt = nowMs();
  const res = await fetch(`${ctx.intakeUrl}/v1/pushes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      recipients: [target.spec.profile.publicUserIdentity],
      content: { contentType: 'text/plain', body: `wake ${target.spec.id}` },
      targetDevices: [{ kind: 'uuid', value: target.spec.instanceId }],
    }),
  });
  const body = (await res.json()) as { id?: string };
  return res.status === 202 && body.id ? [body.id, sentAt, nowMs()] : undefined;
}
