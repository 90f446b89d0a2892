import { MAX_SMS_PARTS, type SmsConcat } from './sms-user-data';

export interface ReassemblerOptions {
  /** Messages held at once; the oldest is dropped to admit a new one. */
  maxPending?: number;
  /** reliability.md (c) #27: incomplete messages are dropped after 60 s. */
  timeoutMs?: number;
  /** Octets of data in one part (a TP-User-Data is at most 140). */
  maxPartOctets?: number;
  now?: () => number;
}

export interface IncomingSegment extends SmsConcat {
  /** Who sent it (e.g. originating address + port); references are only unique per sender. */
  origin?: string;
  data: Uint8Array;
}

export type RejectReason = 'invalid-sequence' | 'mismatched-total' | 'conflicting-data' | 'oversized';

export type ReassemblyResult =
  | { status: 'complete'; data: Uint8Array; parts: number }
  | { status: 'pending'; received: number; total: number }
  | { status: 'duplicate' }
  | { status: 'rejected'; reason: RejectReason };

interface Pending {
  total: number;
  startedAt: number;
  parts: Map<number, Uint8Array>;
}

/**
 * Joins concatenated SMS parts (wsp-wdp-sms.md §3) under hard caps: at most 255 parts,
 * a bounded number of pending messages, and a timeout read from an injected clock.
 */
export class SegmentReassembler {
  private readonly pending = new Map<string, Pending>();
  private readonly maxPending: number;
  private readonly timeoutMs: number;
  private readonly maxPartOctets: number;
  private readonly now: () => number;

  constructor(options: ReassemblerOptions = {}) {
    this.maxPending = options.maxPending ?? 256;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxPartOctets = options.maxPartOctets ?? 140;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.pending.size;
  }

  add(segment: IncomingSegment): ReassemblyResult {
    this.expire();
    const { reference, total, index, data } = segment;
    // reliability.md (c) #27: seq=0, seq > total, or more parts than an octet can count.
    if (total < 1 || total > MAX_SMS_PARTS || index < 1 || index > total) return { status: 'rejected', reason: 'invalid-sequence' };
    if (data.length > this.maxPartOctets) return { status: 'rejected', reason: 'oversized' };
    const key = `${segment.origin ?? ''}\u0000${reference}`;
    const message = this.pending.get(key) ?? this.start(key, total);
    const rejection = this.conflict(message, segment);
    if (rejection) {
      // A reused reference with different content: neither copy can be trusted.
      this.pending.delete(key);
      return { status: 'rejected', reason: rejection };
    }
    if (message.parts.has(index)) return { status: 'duplicate' };
    message.parts.set(index, data.slice());
    if (message.parts.size < total) return { status: 'pending', received: message.parts.size, total };
    this.pending.delete(key);
    return { status: 'complete', data: join(message), parts: total };
  }

  /** Drops messages older than the timeout; returns how many were dropped. */
  expire(): number {
    const cutoff = this.now() - this.timeoutMs;
    let dropped = 0;
    for (const [key, message] of this.pending) {
      if (message.startedAt > cutoff) continue;
      this.pending.delete(key);
      dropped++;
    }
    return dropped;
  }

  private start(key: string, total: number): Pending {
    if (this.pending.size >= this.maxPending) {
      // Map iteration is insertion order, so the first key is the oldest message.
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    const message: Pending = { total, startedAt: this.now(), parts: new Map() };
    this.pending.set(key, message);
    return message;
  }

  private conflict(message: Pending, { total, index, data }: IncomingSegment): RejectReason | undefined {
    if (message.total !== total) return 'mismatched-total';
    const held = message.parts.get(index);
    if (held && !sameBytes(held, data)) return 'conflicting-data';
    return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((octet, i) => octet === b[i]);
}

function join(message: Pending): Uint8Array {
  const ordered = Array.from({ length: message.total }, (_, i) => message.parts.get(i + 1) ?? new Uint8Array());
  const out = new Uint8Array(ordered.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of ordered) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
