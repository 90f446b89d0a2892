import { deriveClientKey, deriveUserKey, keyIdFor, keyScopeOf } from './sir-keys';
import { MASTER } from './test-support/sir-fixtures';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('SIR keys', () => {
  it('derives a stable 32-byte key per (tenant, client, version)', () => {
    const a = deriveClientKey(MASTER, 'mobilkom', 'c-phone');
    expect(a).toHaveLength(32);
    expect(hex(deriveClientKey(MASTER, 'mobilkom', 'c-phone', 1))).toBe(hex(a));
    expect(hex(deriveClientKey(MASTER, 'mobilkom', 'c-phone', 2))).not.toBe(hex(a));
    expect(hex(deriveClientKey(MASTER, 'other', 'c-phone'))).not.toBe(hex(a));
    expect(hex(deriveClientKey(new Uint8Array(32).fill(8), 'mobilkom', 'c-phone'))).not.toBe(hex(a));
  });

  it('separates client keys from user keys and shifted part boundaries', () => {
    expect(hex(deriveClientKey(MASTER, 't', 'x'))).not.toBe(hex(deriveUserKey(MASTER, 't', 'x')));
    expect(hex(deriveClientKey(MASTER, 'ab', 'c'))).not.toBe(hex(deriveClientKey(MASTER, 'a', 'bc')));
  });

  it('refuses a short master secret and bad versions', () => {
    expect(() => deriveClientKey(new Uint8Array(8), 't', 'c')).toThrow(RangeError);
    expect(() => deriveUserKey(MASTER, 't', 'u', 0)).toThrow(RangeError);
    expect(() => keyIdFor('client', 't', 'c', 1.5)).toThrow(RangeError);
  });

  it('names keys client:<tenant>/<client>#v and user:<tenant>/<identity>#v', () => {
    expect(keyIdFor('client', 'mobilkom', 'c-phone')).toBe('client:mobilkom/c-phone#1');
    expect(keyIdFor('user', 'mobilkom', 'sip:+43-8323546@mobilkom.at', 3)).toBe('user:mobilkom/sip:+43-8323546@mobilkom.at#3');
    expect(keyIdFor('client', 'a/b', 'c#d')).toBe('client:a%2Fb/c%23d#1');
    expect(keyScopeOf('client:mobilkom/c-phone#1')).toBe('client');
    expect(keyScopeOf('user:x/y#1')).toBe('user');
    expect(keyScopeOf('kms:abc')).toBeUndefined();
  });

  it('keeps key ids within the contract limit of 128 characters', () => {
    const long = `sip:${'a'.repeat(400)}@example.com`;
    const id = keyIdFor('user', 'mobilkom', long);
    expect(id.length).toBeLessThanOrEqual(128);
    expect(id).toMatch(/^user:mobilkom\/h:[A-Za-z0-9_-]{22}#1$/);
    expect(keyIdFor('user', 'mobilkom', `${long}x`)).not.toBe(id);
  });
});
