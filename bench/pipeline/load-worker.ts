// The load generator's own process (forked by LoadGenerator): keep-alive HTTP submissions to
// POST /v1/pushes, so the bench's event loop (UDP sink, Kafka tap) does not pace the load.
import { Agent, request } from 'node:http';
import { percentiles } from '../lib/stats';
import { AcceptedPush, ChildMessage, LoadPlan, LoadStats, ParentMessage } from './load-plan';
import { nowMs } from './progress';

const send = (m: ChildMessage) => process.send?.(m);

class LoadRun {
  private readonly agent: Agent;
  private readonly bodies: Buffer[];
  private readonly answers: number[] = [];
  private readonly stats: LoadStats = { submitted: 0, accepted: 0, inflight: 0, statuses: {}, errors: 0, behind: 0, maxBehind: 0, cpuMs: 0 };
  private pendingAccepted: AcceptedPush[] = [];
  private delivered = 0;
  private stopping = false;
  private readonly cpuStart = process.cpuUsage();
  private resolveDone?: () => void;

  constructor(private readonly plan: LoadPlan) {
    this.agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency, maxFreeSockets: plan.concurrency });
    // bodies built once: the generator should cost little next to what it measures
    this.bodies = plan.targets.map((t) =>
      Buffer.from(JSON.stringify({ recipients: [t.aor], content: { contentType: 'text/plain', body: `bench ${plan.label}` }, targetDevices: [{ kind: 'uuid', value: t.instanceId }] })),
    );
  }

  onDelivered(count: number): void {
    this.delivered = count;
  }

  async run(): Promise<LoadStats> {
    const url = new URL('/v1/pushes', this.plan.url);
    const ticker = setInterval(() => this.report(), 1000);
    const done = new Promise<void>((resolve) => (this.resolveDone = resolve));
    if (this.plan.mode === 'paced') this.paced(url);
    else this.fill(url);
    await done;
    clearInterval(ticker);
    this.flushAccepted();
    this.agent.destroy();
    return this.snapshot(true);
  }

  stop(): void {
    this.stopping = true;
    this.maybeDone();
  }

  private paced(url: URL): void {
    const rate = this.plan.ratePerS ?? 1000;
    const t0 = performance.now();
    const timer = setInterval(() => {
      if (this.stopping) return clearInterval(timer);
      const due = Math.floor(((performance.now() - t0) * rate) / 1000) - this.stats.submitted;
      let sent = 0;
      while (sent < due && this.stats.inflight < this.plan.concurrency) {
        this.submit(url);
        sent += 1;
      }
      this.stats.behind = due - sent;
      this.stats.maxBehind = Math.max(this.stats.maxBehind, this.stats.behind);
    }, 1);
  }

  /** closed loop: one more submission whenever one finishes, within the backlog cap. */
  private fill(url: URL): void {
    const cap = this.plan.backlogCap ?? Number.POSITIVE_INFINITY;
    while (!this.stopping && this.stats.inflight < this.plan.concurrency && this.stats.accepted + this.stats.inflight - this.delivered < cap) this.submit(url);
    if (!this.stopping && this.stats.inflight === 0) setTimeout(() => this.fill(url), 5);
  }

  private submit(url: URL): void {
    const body = this.bodies[this.stats.submitted % this.bodies.length];
    this.stats.submitted += 1;
    this.stats.inflight += 1;
    const sentAt = nowMs();
    const req = request(url, {
      method: 'POST', agent: this.agent,
      headers: { authorization: `Bearer ${this.plan.apiKey}`, 'content-type': 'application/json', 'content-length': body.length },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => this.answered(url, res.statusCode ?? 0, Buffer.concat(chunks), sentAt));
    });
    req.on('error', () => this.answered(url, -1, Buffer.alloc(0), sentAt));
    req.end(body);
  }

  private answered(url: URL, status: number, body: Buffer, sentAt: number): void {
    const answeredAt = nowMs();
    this.stats.inflight -= 1;
    this.answers.push(answeredAt - sentAt);
    if (status === -1) this.stats.errors += 1;
    else this.stats.statuses[status] = (this.stats.statuses[status] ?? 0) + 1;
    if (status === 202) {
      this.stats.accepted += 1;
      this.pendingAccepted.push([(JSON.parse(body.toString('utf8')) as { id: string }).id, sentAt, answeredAt]);
      if (this.pendingAccepted.length >= 2000) this.flushAccepted();
    }
    if (this.plan.mode === 'closed') this.fill(url);
    this.maybeDone();
  }

  private maybeDone(): void {
    if (this.stopping && this.stats.inflight === 0) this.resolveDone?.();
  }

  private flushAccepted(): void {
    if (this.pendingAccepted.length === 0) return;
    send({ type: 'accepted', items: this.pendingAccepted });
    this.pendingAccepted = [];
  }

  private report(): void {
    this.flushAccepted();
    send({ type: 'tick', stats: this.snapshot(false) });
  }

  private snapshot(final: boolean): LoadStats {
    const cpu = process.cpuUsage(this.cpuStart);
    const stats: LoadStats = { ...this.stats, statuses: { ...this.stats.statuses }, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
    if (final) {
      const p = percentiles(this.answers);
      stats.answerMs = { p50: p.p50, p99: p.p99, max: p.max };
    }
    return stats;
  }
}

let current: LoadRun | undefined;
process.on('message', (m: ParentMessage) => {
  if (m.type === 'run') {
    const run = new LoadRun(m.plan);
    current = run;
    run.run().then(
      (stats) => send({ type: 'done', stats }),
      (e: unknown) => send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  } else if (m.type === 'delivered') current?.onDelivered(m.count);
  else if (m.type === 'stop') current?.stop();
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
