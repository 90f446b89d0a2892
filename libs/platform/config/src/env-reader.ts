import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

interface Common<T> {
  default?: T;
  /** Shown in errors and in docs/configuration.md. */
  description?: string;
}

/**
 * Reads and validates environment variables once at boot (immich's EnvDto -> EnvData idea).
 * Collects every problem, then `done()` throws one ConfigError listing them all.
 * Each app's `*.config.ts` is the one file that names its raw variables.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Env = process.env) {}

  private raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  private missing<T>(name: string, opts: Common<T>): T {
    if (opts.default !== undefined) return opts.default;
    this.problems.push(`${name} is required${opts.description ? ` (${opts.description})` : ''}`);
    return undefined as unknown as T;
  }

  string(name: string, opts: Common<string> & { pattern?: RegExp; oneOf?: readonly string[] } = {}): string {
    const v = this.raw(name);
    if (v === undefined) return this.missing(name, opts);
    if (opts.pattern && !opts.pattern.test(v)) this.problems.push(`${name}="${v}" does not match ${opts.pattern}`);
    if (opts.oneOf && !opts.oneOf.includes(v)) this.problems.push(`${name}="${v}" must be one of ${opts.oneOf.join(', ')}`);
    return v;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, opts: Common<number> & { min?: number; max?: number } = {}): number {
    const v = this.raw(name);
    if (v === undefined) return this.missing(name, opts);
    const n = Number(v);
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(n)) {
      this.problems.push(`${name}="${v}" is not an integer`);
      return opts.default ?? 0;
    }
    if (opts.min !== undefined && n < opts.min) this.problems.push(`${name}=${n} is below ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) this.problems.push(`${name}=${n} is above ${opts.max}`);
    return n;
  }

  bool(name: string, opts: Common<boolean> = {}): boolean {
    const v = this.raw(name);
    if (v === undefined) return this.missing(name, opts);
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    this.problems.push(`${name}="${v}" is not a boolean`);
    return opts.default ?? false;
  }

  list(name: string, opts: Common<string[]> = {}): string[] {
    const v = this.raw(name);
    if (v === undefined) return this.missing(name, opts);
    return v.split(',').map((s) => s.trim()).filter(Boolean);
  }

  url(name: string, opts: Common<string> & { protocols?: string[] } = {}): string {
    const v = this.raw(name);
    if (v === undefined) return this.missing(name, opts);
    try {
      const u = new URL(v);
      if (opts.protocols && !opts.protocols.includes(u.protocol.replace(':', ''))) {
        this.problems.push(`${name} must use ${opts.protocols.join(' or ')}`);
      }
    } catch {
      this.problems.push(`${name}="${v}" is not a URL`);
    }
    return v;
  }

  /** Throws ConfigError when any read failed; returns the value built from the reads otherwise. */
  done<T>(value: T): T {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return value;
  }
}
