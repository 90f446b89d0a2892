/** A dependency that must answer before the service is ready (database, broker). */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'ok' | 'down'; error?: string }>;
}

/** Runs every check with a timeout; one failure makes the service unready. */
export async function runReadiness(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          c.check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [c.name, { status: 'ok' as const }] as const;
      } catch (e) {
        return [c.name, { status: 'down' as const, error: (e as Error).message }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checksOut = Object.fromEntries(results);
  const ok = results.every(([, r]) => r.status === 'ok');
  return { status: ok ? 'ok' : 'unavailable', checks: checksOut };
}
