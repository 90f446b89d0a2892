/** One element: attributes by name, child elements in order, and its own character data concatenated. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA directly inside this element (not its children's), whitespace kept as written. */
  text: string;
}

export interface XmlDoctype {
  name: string;
  publicId?: string;
  systemId?: string;
  /** The text between `[` and `]`, present only when the caller's predicate accepted it. */
  internalSubset?: string;
}

export interface XmlDocument {
  doctype?: XmlDoctype;
  root: XmlElement;
}
