/** A two-way map between assigned numbers and names; name lookup ignores case (MIME, RFC 2045 §5.1). */
export interface CodeTable {
  name(code: number): string | undefined;
  code(name: string): number | undefined;
}

/** `aliases` are extra names accepted when encoding; decoding always gives the table name. */
export function codeTable(names: readonly string[], aliases: Readonly<Record<string, number>> = {}): CodeTable {
  return codeTableFrom(names.map((name, i) => [i, name] as const), aliases);
}

export function codeTableFrom(
  entries: readonly (readonly [number, string])[],
  aliases: Readonly<Record<string, number>> = {},
): CodeTable {
  const byCode = new Map<number, string>(entries);
  const byName = new Map<string, number>();
  // The first code wins: WSP 1.3+ re-assigned some names (Accept-Charset 0x01 and 0x3B); encode the oldest.
  for (const [code, name] of entries) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
  for (const [name, code] of Object.entries(aliases)) byName.set(name.toLowerCase(), code);
  return {
    name: (code) => byCode.get(code),
    code: (name) => byName.get(name.toLowerCase()),
  };
}
