import { BRANCH_MAGIC_COOKIE, getHeader, parseVia, viaBranch, type SipRequest } from '@waken/bearer-sip';

interface Entry {
  response?: Uint8Array;
  final: boolean;
  expiresAt: number;
}

export type ServerReceipt =
  | { readonly isNew: true; readonly key: string }
  | { readonly isNew: false; readonly lastResponse?: Uint8Array; readonly key: string };

/**
 * Server transactions (RFC 3261 §17.2.2): a retransmitted request is absorbed and gets the
 * last response again instead of reaching the handler twice. Entries live `lingerMs`
 * after the final response (Timer J, 64·T1 on UDP); the table is bounded, oldest first out.
 */
export class ServerTransactionTable {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly lingerMs: number,
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** §17.2.3: branch + sent-by + method (ACK matches its INVITE); §17.2.3 fallback for old peers. */
  static keyOf(request: SipRequest): string {
    const top = getHeader(request, 'Via') ?? '';
    const method = request.method === 'ACK' ? 'INVITE' : request.method;
    try {
      const via = parseVia(top);
      const branch = viaBranch(via);
      if (branch?.startsWith(BRANCH_MAGIC_COOKIE)) return `${branch}|${via.host}:${via.port ?? ''}|${method}`;
    } catch {
      // fall through to the RFC 2543 key
    }
    return ['2543', request.requestUri, getHeader(request, 'Call-ID'), getHeader(request, 'CSeq'), getHeader(request, 'From'), top].join('|');
  }

  receive(request: SipRequest): ServerReceipt {
    const key = ServerTransactionTable.keyOf(request);
    const entry = this.entries.get(key);
    if (entry) return { isNew: false, key, lastResponse: entry.response };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    // an unanswered entry also expires, so a handler that never answers cannot fill the table
    this.entries.set(key, { final: false, expiresAt: this.now() + this.lingerMs });
    return { isNew: true, key };
  }

  /** Records what was sent; false when a final response was already sent. */
  answered(key: string, bytes: Uint8Array, status: number): boolean {
    const entry = this.entries.get(key) ?? { final: false, expiresAt: 0 };
    if (entry.final) return false;
    entry.response = bytes;
    entry.final = status >= 200;
    entry.expiresAt = this.now() + this.lingerMs;
    this.entries.set(key, entry);
    return true;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
