import fc from 'fast-check';
import { DEVICE_IDENTITY_KINDS, SIR_INSTRUCTIONS, WAKE_MODES, type SirDocument } from '@waken/contracts';
import type { SiaContactPoint } from '../sia-contact-point';

const KNOWN_APP_IDS = ['x-wap-application:wml.ua', 'x-wap-application:push.sia', 'x-wap-application:mms.ua'];
// Any well-formed string (including NUL, CR/LF, astral characters); the codecs must carry it unchanged.
const anyText = (min: number, max: number) => fc.string({ unit: 'binary', minLength: min, maxLength: max });
const printable = (max: number) =>
  fc.string({ unit: 'binary', minLength: 1, maxLength: max }).filter((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f'));
// Canonical toISOString() instants between 1970 and 9999.
const instant = fc.integer({ min: 0, max: 253_402_300_799_999 }).map((ms) => new Date(ms).toISOString());

/** Arbitrary SirDocuments that our encoders accept (canonical timestamps, base64url MAC). */
export const sirDocArb: fc.Arbitrary<SirDocument> = fc.record(
  {
    v: fc.constant(1 as const),
    sirId: anyText(1, 40),
    mode: fc.constantFrom(...WAKE_MODES),
    publicUserIdentity: anyText(1, 80),
    deviceIdentity: fc.record({ kind: fc.constantFrom(...DEVICE_IDENTITY_KINDS), value: anyText(1, 120) }),
    placement: fc.array(fc.constantFrom('header' as const, 'value' as const, 'body' as const), { maxLength: 3 }),
    applicationId: fc.oneof(fc.constantFrom(...KNOWN_APP_IDS), printable(60).filter((s) => s.length <= 200)),
    applicationName: anyText(0, 40),
    instructions: fc.array(fc.constantFrom(...SIR_INSTRUCTIONS), { maxLength: 8 }),
    ppgAddress: anyText(1, 60),
    issuedAt: instant,
    expiresAt: instant,
    nonce: anyText(8, 32).filter((s) => s.length >= 8 && s.length <= 64),
    keyId: anyText(1, 60),
    signature: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b).toString('base64url')),
  },
  { requiredKeys: ['v', 'sirId', 'mode', 'publicUserIdentity', 'placement', 'instructions', 'ppgAddress', 'issuedAt', 'expiresAt', 'nonce', 'keyId', 'signature'] },
);

export const contactPointArb: fc.Arbitrary<SiaContactPoint> = fc.record(
  {
    bearerType: fc.integer({ min: 0, max: 255 }),
    port: fc.integer({ min: 0, max: 0xffff }),
    address: fc.uint8Array({ maxLength: 63 }),
  },
  { requiredKeys: ['address'] },
);
