const TEXT_REFS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_REFS: Record<string, string> = {
  ...TEXT_REFS,
  '"': '&quot;',
  "'": '&apos;',
  // XML 1.0 §3.3.3: a literal tab/CR/LF in an attribute is normalised to a space on reading.
  '\t': '&#9;',
  '\n': '&#10;',
};

/** XML 1.0 §2.2 Char: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and well-formed surrogate pairs. */
function refuseIllegal(value: string): void {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    const next = value.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    // reliability.md (c) #25: a control character copied from a PI is rejected, not passed on.
    if (control || isHigh || (code >= 0xdc00 && code <= 0xdfff) || code >= 0xfffe) {
      throw new RangeError(`text contains U+${code.toString(16).padStart(4, '0')}, which XML cannot carry`);
    }
  }
}

/** Escapes character data (element content). Throws RangeError on characters XML cannot represent. */
export function escapeXmlText(value: string): string {
  refuseIllegal(value);
  return value.replace(/[&<>\r]/g, (c) => TEXT_REFS[c]);
}

/** Escapes for an attribute value in either quote style; also safe as element content. */
export function escapeXml(value: string): string {
  refuseIllegal(value);
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_REFS[c]);
}
