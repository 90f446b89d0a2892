import { KnownMessageIds } from './known-message-ids';

describe('KnownMessageIds', () => {
  it('resolves an id and its hex/decimal spellings to the id submit returned', () => {
    const ids = new KnownMessageIds();
    ids.add('1A2B');
    ids.add('4242');
    expect(ids.resolve('1A2B')).toBe('1A2B');
    expect(ids.resolve('6699')).toBe('1A2B');
    expect(ids.resolve('1092')).toBe('4242');
    expect(ids.resolve('nope')).toBeUndefined();
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const ids = new KnownMessageIds(2);
    ['a-1', 'a-2', 'a-3'].forEach((id) => ids.add(id));
    expect(ids.size).toBe(2);
    expect(ids.resolve('a-1')).toBeUndefined();
    expect(ids.resolve('a-3')).toBe('a-3');
  });
});
