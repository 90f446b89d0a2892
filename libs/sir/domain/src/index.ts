// Keys and signatures (reliability.md (d): SIR authenticity)
export * from './sir-keys';
export { signSir, hasValidSignature, type UnsignedSir } from './sir-signature';
export { canonicalJson } from './canonical-json';
// Composition (seed §S5, claims 2, 6, 7, 8)
export * from './sir-composer';
export * from './sir-composition.error';
// Verification on the device (seed §C2)
export * from './sir-verifier';
export * from './replay-cache';
export * from './device-identity-matcher';
// Identity placement (claim 2, seed Tables 1 and 2)
export * from './identity-placement.types';
export { placeIdentity, extractIdentity, formatHeaderValue, parseHeaderValue } from './identity-placement';
// Encodings
export * from './sir-format.error';
export { sirDocumentProblems } from './sir-schema';
export * from './sir-json-codec';
export * from './sia-codec';
export { ipv4ContactPoint, type SiaContactPoint } from './sia-contact-point';
export { SIR_EXTENSION_MAGIC, SIR_EXTENSION_VERSION } from './sia-extension';
