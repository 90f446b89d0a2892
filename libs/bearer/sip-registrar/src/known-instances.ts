/**
 * The (AOR, instance) pairs that have registered, so that a pub-gruu whose instance has
 * no binding now gets 480 rather than 404 (RFC 5627 §6.1). Bounded: the least recently
 * registered pair is forgotten first, and its GRUU then gets 404.
 */
export class KnownInstances {
  private readonly pairs = new Set<string>();

  constructor(private readonly max: number) {}

  remember(aor: string, instanceId: string): void {
    const key = KnownInstances.key(aor, instanceId);
    this.pairs.delete(key);
    this.pairs.add(key);
    if (this.pairs.size > this.max) this.pairs.delete(this.pairs.values().next().value as string);
  }

  has(aor: string, instanceId: string): boolean {
    return this.pairs.has(KnownInstances.key(aor, instanceId));
  }

  private static key(aor: string, instanceId: string): string {
    return `${aor}|${instanceId.toLowerCase()}`;
  }
}
