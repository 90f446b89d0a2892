import type { Bearer, WakeMode } from '@waken/contracts';
import { PushProgress } from './push-progress';

/** How many devices a push woke and how (seed §S7-§S10): the figure the patent is about. */
export interface WakeReport {
  /** SIRs put on the wire, per bearer. */
  readonly sirsSent: Readonly<Partial<Record<Bearer, number>>>;
  /** Sessions opened after one of this push's SIRs (seed §C3). */
  readonly sessionsOpened: number;
  /** Clients that received the content after a SIR woke them. */
  readonly devicesWoken: number;
  /** Target clients that were already connected and needed no SIR (seed §S10). */
  readonly devicesConnected: number;
  readonly wakeMode: WakeMode;
  readonly bearers: readonly Bearer[];
}

/**
 * Counts from the tracker's progress. The wake mode is id-check's (PushPlannedV1.wakeMode); for a
 * plan that did not carry it, it is inferred: no SIR → connected, one target → single, else targeted.
 */
export function wakeReportOf(p: PushProgress): WakeReport {
  const wakes = p.recipients.flatMap((r) => Object.values(r.delivered));
  const bearers = (Object.keys(p.sirs) as Bearer[]).filter((b) => (p.sirs[b]?.length ?? 0) > 0).sort();
  const sirsSent = Object.fromEntries(bearers.map((b) => [b, p.sirs[b]?.length ?? 0])) as Partial<Record<Bearer, number>>;
  const targets = p.recipients.reduce((n, r) => n + (r.plan?.targets.length ?? 0), 0);
  const sirTotal = Object.values(sirsSent).reduce((a, b) => a + (b ?? 0), 0);
  const planned = p.recipients.map((r) => r.plan?.wakeMode).find((m) => m !== undefined && m !== 'connected');
  const wakeMode: WakeMode = planned ?? (sirTotal === 0 ? 'connected' : targets <= 1 ? 'single' : 'targeted');
  return {
    sirsSent,
    sessionsOpened: p.sessionSirIds.length,
    devicesWoken: wakes.filter((w) => w === 'sir').length,
    devicesConnected: wakes.filter((w) => w === 'connected').length,
    wakeMode,
    bearers,
  };
}
