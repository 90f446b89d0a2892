/** WBXML global tokens, valid on every code page (si-sl-wbxml.md §1, WAP-192 §7.1). */
export const GLOBAL = {
  switchPage: 0x00,
  end: 0x01,
  entity: 0x02,
  strI: 0x03,
  literal: 0x04,
  pi: 0x43,
  strT: 0x83,
  opaque: 0xc3,
} as const;

/** Tag token flags (WAP-192 §5.8.2). */
export const TAG_HAS_ATTRIBUTES = 0x80;
export const TAG_HAS_CONTENT = 0x40;

/** A token for an attribute name, optionally with the start of its value (`href="http://www."`). */
export interface AttributeStart {
  token: number;
  name: string;
  prefix: string;
}

/** One WBXML document type: its public identifier and its code page 0 token tables. */
export interface WbxmlLanguage {
  root: string;
  /** Well-known public identifier code written in the header (0x05 SI, 0x06 SL, 0x07 CO). */
  publicIdCode: number;
  publicId: string;
  systemId: string;
  tags: ReadonlyMap<string, number>;
  attributeStarts: readonly AttributeStart[];
  /** Attribute-value tokens (`.com/` …); shared by SI, SL and CO. */
  attributeValues: ReadonlyMap<number, string>;
  /** Attributes whose whole value is one of their start tokens (SI/SL `action`). */
  enumerated: ReadonlySet<string>;
  /** Attributes carried as OPAQUE BCD dates (SI §9.2.2: `created`, `si-expires`). */
  dates: ReadonlySet<string>;
}
