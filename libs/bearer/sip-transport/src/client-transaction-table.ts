import { getHeader, parseCSeq, parseVia, viaBranch, type SipRequest, type SipResponse } from '@waken/bearer-sip';
import type { SipEndpointStats } from './sip-endpoint-stats';
import type { SipTimers } from './sip-timers';
import { SipTimeoutError } from './sip-timeout-error';

interface Entry {
  readonly request: SipRequest;
  readonly callId: string;
  readonly cseq: string;
  readonly reliable: boolean;
  readonly retransmit: () => void;
  readonly resolve: (res: SipResponse) => void;
  readonly reject: (err: Error) => void;
  interval: number;
  proceeding: boolean;
  done: boolean;
  timerE?: NodeJS.Timeout;
  timerF?: NodeJS.Timeout;
  timerK?: NodeJS.Timeout;
}

function topBranch(msg: SipResponse | SipRequest): string | undefined {
  try {
    return viaBranch(parseVia(getHeader(msg, 'Via') ?? ''));
  } catch {
    return undefined;
  }
}

function cseqKey(value: string | undefined): string {
  const { seq, method } = parseCSeq(value ?? '');
  return `${seq} ${method}`;
}

/**
 * Non-INVITE client transactions (RFC 3261 §17.1.2), keyed by branch. A response changes
 * state only when branch, Call-ID and CSeq all match (§17.1.3 plus reliability.md #21);
 * anything else is counted and ignored.
 */
export class ClientTransactionTable {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly timers: SipTimers,
    private readonly stats: SipEndpointStats,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Registers the transaction before its first send; `retransmit` re-sends on UDP (Timer E). */
  start(request: SipRequest, reliable: boolean, retransmit: () => void): Promise<SipResponse> {
    const branch = topBranch(request);
    if (branch === undefined || this.entries.has(branch)) throw new Error('request needs a fresh top Via branch');
    return new Promise<SipResponse>((resolve, reject) => {
      const entry: Entry = {
        request, reliable, retransmit, resolve, reject, interval: this.timers.t1Ms, proceeding: false, done: false,
        callId: getHeader(request, 'Call-ID') ?? '', cseq: cseqKey(getHeader(request, 'CSeq')),
      };
      this.entries.set(branch, entry);
      entry.timerF = setTimeout(() => this.timeout(branch, entry), this.timers.timeoutMs);
      if (!reliable) this.armE(entry);
    });
  }

  /** The first send failed: end the transaction with that error (§17.1.4). */
  abort(request: SipRequest, error: Error): void {
    const branch = topBranch(request);
    const entry = branch === undefined ? undefined : this.entries.get(branch);
    if (!entry || branch === undefined) return;
    this.finish(branch, entry, 0);
    entry.reject(error);
  }

  /** true when the response belonged to a transaction (new or retransmitted). */
  match(response: SipResponse): boolean {
    const branch = topBranch(response);
    const entry = branch === undefined ? undefined : this.entries.get(branch);
    if (!entry || branch === undefined || !this.sameTransaction(entry, response)) {
      this.stats.responsesUnmatched += 1;
      return false;
    }
    if (entry.done) this.stats.responsesAbsorbed += 1;
    else if (response.status < 200) entry.proceeding = true;
    else {
      this.finish(branch, entry, entry.reliable ? 0 : this.timers.t4Ms); // Timer K
      entry.resolve(response);
    }
    return true;
  }

  /** Stops every timer; pending transactions reject with `error`. */
  close(error: Error): void {
    for (const [branch, entry] of this.entries) {
      clearTimeout(entry.timerK);
      this.finish(branch, entry, 0);
      entry.reject(error);
    }
  }

  private sameTransaction(entry: Entry, response: SipResponse): boolean {
    try {
      return getHeader(response, 'Call-ID') === entry.callId && cseqKey(getHeader(response, 'CSeq')) === entry.cseq;
    } catch {
      return false;
    }
  }

  /** Timer E: T1, doubling up to T2; T2 once a provisional arrived (§17.1.2.2). */
  private armE(entry: Entry): void {
    entry.timerE = setTimeout(() => {
      if (entry.done) return;
      this.stats.retransmissions += 1;
      entry.retransmit();
      entry.interval = entry.proceeding ? this.timers.t2Ms : Math.min(entry.interval * 2, this.timers.t2Ms);
      this.armE(entry);
    }, entry.interval);
  }

  private timeout(branch: string, entry: Entry): void {
    this.finish(branch, entry, 0);
    this.stats.timeouts += 1;
    entry.reject(new SipTimeoutError(entry.request.method, entry.request.requestUri, this.timers.timeoutMs));
  }

  /** Stops the timers; keeps the entry `lingerMs` to absorb retransmitted finals. */
  private finish(branch: string, entry: Entry, lingerMs: number): void {
    entry.done = true;
    clearTimeout(entry.timerE);
    clearTimeout(entry.timerF);
    if (lingerMs === 0) this.entries.delete(branch);
    else entry.timerK = setTimeout(() => this.entries.delete(branch), lingerMs).unref();
  }
}
