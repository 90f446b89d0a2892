/** One push target: a user and the one client (of its three) the PI names (seed §S7). */
export interface LoadTarget {
  aor: string;
  instanceId: string;
}

/**
 * What the load generator child does. closed: keep `concurrency` submissions in flight while the
 * pipeline's backlog (accepted, not yet seen at the sink) stays under `backlogCap`, i.e. as fast as
 * the whole pipeline sustains; paced: open loop at `ratePerS`, whatever the answers.
 */
export interface LoadPlan {
  label: string;
  url: string;
  apiKey: string;
  targets: LoadTarget[];
  mode: 'closed' | 'paced';
  concurrency: number;
  ratePerS?: number;
  backlogCap?: number;
}

/** One accepted push: its internal id (events carry it), when it was sent, when the 202 came. */
export type AcceptedPush = [id: string, sentAt: number, answeredAt: number];

export interface LoadStats {
  submitted: number;
  accepted: number;
  inflight: number;
  statuses: Record<string, number>;
  errors: number;
  /** paced: submissions due but not yet sent (the generator fell behind its schedule). */
  behind: number;
  maxBehind: number;
  answerMs?: { p50: number; p99: number; max: number };
  cpuMs: number;
}

export type ParentMessage = { type: 'run'; plan: LoadPlan } | { type: 'delivered'; count: number } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'tick'; stats: LoadStats }
  | { type: 'accepted'; items: AcceptedPush[] }
  | { type: 'done'; stats: LoadStats }
  | { type: 'failed'; message: string };
