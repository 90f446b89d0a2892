/** Percentiles by nearest rank over a copy of the samples (ms). */
export function percentiles(samples: number[]): { p50: number; p99: number; p999: number; max: number; count: number } {
  if (samples.length === 0) return { p50: NaN, p99: NaN, p999: NaN, max: NaN, count: 0 };
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(at(0.5)), p99: round(at(0.99)), p999: round(at(0.999)), max: round(s[s.length - 1]), count: s.length };
}
