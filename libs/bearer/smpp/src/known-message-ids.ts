/**
 * Message ids this client got back from submit_sm_resp, so that receipts can be matched
 * (reliability.md #30: a receipt for an unknown id is only logged). Bounded: the oldest
 * ids are forgotten first. Many SMSCs report in the receipt text the decimal form of a hex
 * message_id (or the reverse), so both spellings resolve to the id that submit returned.
 */
export class KnownMessageIds {
  private readonly aliases = new Map<string, string[]>();
  private readonly lookup = new Map<string, string>();

  constructor(private readonly capacity = 100_000) {}

  add(id: string): void {
    if (this.aliases.has(id)) return;
    const spellings = [id, ...otherSpellings(id)];
    this.aliases.set(id, spellings);
    for (const s of spellings) if (!this.lookup.has(s)) this.lookup.set(s, id);
    if (this.aliases.size > this.capacity) this.evictOldest();
  }

  /** The id as submit returned it, or undefined when no submit of ours produced it. */
  resolve(id: string): string | undefined {
    return this.lookup.get(id);
  }

  get size(): number {
    return this.aliases.size;
  }

  private evictOldest(): void {
    const [oldest, spellings] = this.aliases.entries().next().value as [string, string[]];
    this.aliases.delete(oldest);
    for (const s of spellings) if (this.lookup.get(s) === oldest) this.lookup.delete(s);
  }
}

function otherSpellings(id: string): string[] {
  const out: string[] = [];
  if (/^[0-9a-fA-F]{1,13}$/.test(id)) out.push(parseInt(id, 16).toString(10));
  if (/^[0-9]{1,15}$/.test(id)) out.push(parseInt(id, 10).toString(16), parseInt(id, 10).toString(16).toUpperCase());
  return out.filter((s) => s !== id);
}
