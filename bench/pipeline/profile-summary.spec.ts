import { areaOf } from './profile-summary';

describe('areaOf', () => {
  it('names the package, the lib or the Node internals a frame belongs to', () => {
    expect(areaOf('file:///work/main/node_modules/kafkajs/src/network/connection.js', 'send')).toBe('kafkajs');
    expect(areaOf('/work/main/node_modules/@nestjs/core/router.js', 'x')).toBe('@nestjs/core');
    expect(areaOf('/work/main/libs/intake/feature/src/outcome/outcome-tracker.ts', 'track')).toBe('libs/intake/feature');
    expect(areaOf('node:internal/streams/writable', 'write')).toBe('node:internal/streams');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(areaOf('', 'writev')).toBe('(native)');
  });
});
