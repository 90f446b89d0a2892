/** Caps checked before and while parsing (reliability.md (c) #3-#6, "limits before parsing"). */
export interface XmlLimits {
  /** UTF-8 size of the whole document; #6 "Body > 1 MiB". */
  maxBytes: number;
  /** Element nesting; #5 "400 at depth > 32". */
  maxDepth: number;
  maxElements: number;
  /** Characters of one element's text, and of one attribute value. */
  maxTextLength: number;
  /** Attributes on one element. */
  maxAttributes: number;
  /** Numeric character references (`&#65;`) in the document; #4, the CVE-2026-33036 bypass. */
  maxCharRefs: number;
}

export interface XmlParseOptions extends Partial<XmlLimits> {
  /**
   * Accepts a DOCTYPE internal subset (the text between `[` and `]`). Without it any internal
   * subset is refused; an `<!ENTITY` declaration is refused even if this returns true.
   * PAP uses it to let through exactly `<?wap-pap-ver supported-versions="..."?>` (pap.md §2).
   */
  allowInternalSubset?: (subset: string) => boolean;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxBytes: 1024 * 1024,
  maxDepth: 32,
  maxElements: 10_000,
  maxTextLength: 64 * 1024,
  maxAttributes: 64,
  maxCharRefs: 4096,
});
