/** Why a document was refused; callers map these to their protocol's codes (PAP 2000, HTTP 400/413). */
export type XmlErrorReason =
  | 'doctype'
  | 'entity'
  | 'depth'
  | 'size'
  | 'elements'
  | 'attributes'
  | 'text'
  | 'syntax'
  | 'multiple-roots';

/** The one error `parseXml` throws for bad or hostile input (reliability.md S3 oracle). */
export class XmlError extends Error {
  constructor(
    readonly reason: XmlErrorReason,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? `${reason}: ${message}` : `${reason}: ${message} (line ${line}, column ${column})`);
    this.name = 'XmlError';
  }
}
