import fc from 'fast-check';
import { ClientInfo } from './client-info';
import { decodeClientInfo, encodeClientInfo } from './client-info-codec';
import { PushNotification } from './push-notification';
import { decodePushNotification, encodePushNotification } from './push-notification-codec';
import { SessionBodyError } from './session-body.error';
import { hasControlCharacter } from './json-object-reader';

// reliability.md S3: a value or SessionBodyError, within 50 ms, never another exception; the
// structured, mutated and raw inputs make >= 10k cases per decoder (FUZZ_RUNS scales it up).
const SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? 10_000) / 10_000);
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });
const BUDGET_MS = 50;

function timed(decode: () => unknown): number {
  const started = performance.now();
  try {
    decode();
  } catch (e) {
    if (!(e instanceof SessionBodyError)) throw e;
  }
  return performance.now() - started;
}

// a case over budget runs again once: a GC pause is not a blow-up, a slow decoder is slow twice
const oracle = (decode: () => unknown) => {
  if (timed(decode) > BUDGET_MS && timed(decode) > BUDGET_MS) throw new Error(`over ${BUDGET_MS} ms twice`);
};

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max }).filter((s) => !hasControlCharacter(s));
const key = fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const map = fc.dictionary(key, text(40), { maxKeys: 6 });
const clientInfo: fc.Arbitrary<ClientInfo> = fc.record(
  { capabilities: map, preferences: map, security: map, subscription: map, rejection: text(60).filter((s) => s.length > 0) },
  { requiredKeys: [] },
);
const notification: fc.Arbitrary<PushNotification> = fc.record(
  {
    pushId: fc.stringMatching(/^[A-Za-z0-9@.#/-]{1,60}$/),
    recipientIndex: fc.integer({ min: 0, max: 9999 }),
    contentType: fc.constantFrom('text/plain', 'application/vnd.wap.sic', 'application/vnd.wap.slc'),
    applicationId: fc.constantFrom('x-wap-application:wml.ua', ''),
    bodyBase64: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')),
  },
  { requiredKeys: ['pushId', 'recipientIndex', 'contentType', 'bodyBase64'] },
);

const LENGTHS = ['0', '-1', '65535', '65536', '4294967295', '1e309', '"x"', 'null', '[]', '{}'];
const mutation = <T>(samples: fc.Arbitrary<T>, encode: (v: T) => Uint8Array) =>
  fc.record({
    sample: samples.map(encode),
    flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
    cut: fc.option(fc.nat()),
    number: fc.option(fc.constantFrom(...LENGTHS)),
  });

function mutate(m: { sample: Uint8Array; flips: { at: number; value: number }[]; cut: number | null; number: string | null }): Uint8Array {
  let bytes: Uint8Array = m.number === null ? m.sample.slice() : new TextEncoder().encode(new TextDecoder().decode(m.sample).replace(/:(\d+|"[^"]*"|\{\})/, `:${m.number}`));
  for (const { at, value } of m.flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
  if (m.cut !== null) bytes = bytes.subarray(0, m.cut % (bytes.length + 1));
  return bytes;
}

describe.each([
  ['client info', clientInfo as fc.Arbitrary<unknown>, encodeClientInfo as (v: unknown) => Uint8Array, decodeClientInfo as (b: Uint8Array) => unknown],
  ['push notification', notification as fc.Arbitrary<unknown>, encodePushNotification as (v: unknown) => Uint8Array, decodePushNotification as (b: Uint8Array) => unknown],
])('%s codec fuzz', (_name, arbitrary, encode, decode) => {
  it('round-trips every structured value', () => {
    fc.assert(fc.property(arbitrary, (value) => expect(decode(encode(value))).toEqual(value)), runs(2000));
  });

  it('mutations of valid bodies give a value or SessionBodyError in bounded time', () => {
    fc.assert(fc.property(mutation(arbitrary, encode), (m) => oracle(() => decode(mutate(m)))), runs(4000));
  });

  it('raw bytes give a value or SessionBodyError in bounded time', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => oracle(() => decode(bytes))), runs(4000));
  });

  it('JSON-shaped noise gives a value or SessionBodyError', () => {
    const json = fc.json({ depthSize: 'medium' }).map((s) => new TextEncoder().encode(s));
    fc.assert(fc.property(json, (bytes) => oracle(() => decode(bytes))), runs(1000));
  });
});

describe('push notification size cap', () => {
  it('refuses to encode a push whose NOTIFY body would exceed 60 KiB, and to decode one', () => {
    const big = { pushId: 'p', recipientIndex: 0, contentType: 'text/plain', bodyBase64: 'A'.repeat(62 * 1024) };
    expect(() => encodePushNotification(big)).toThrow(SessionBodyError);
    expect(() => decodePushNotification(new TextEncoder().encode(JSON.stringify(big)))).toThrow(/too-large|at most/);
  });
});
