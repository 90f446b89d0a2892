import { BindingTable } from './binding-table';
import { SipRejection } from './sip-rejection';
import { AOR, command, deviceUpdate, instance } from './testing/sip-requests.fixture';

const LIMITS = { maxBindings: 6, maxContactsPerAor: 4, maxTempGruusPerBinding: 3 };

function setup() {
  const clock = { now: 1_000_000 };
  const table = new BindingTable(LIMITS, () => clock.now);
  return { table, clock };
}

function rejection(run: () => unknown): SipRejection {
  try {
    run();
  } catch (e) {
    if (e instanceof SipRejection) return e;
    throw e;
  }
  throw new Error('expected a SipRejection');
}

describe('BindingTable (RFC 3261 §10.3, RFC 5627 §5.1)', () => {
  it('binds three instances of one AOR, each with its own temp-gruu', () => {
    const { table } = setup();
    const bindings = table.apply(command({ contacts: [1, 2, 3].map((n) => deviceUpdate(n)) }));
    expect(bindings.map((b) => b.instanceId)).toEqual([instance(1), instance(2), instance(3)]);
    const temps = bindings.map((b) => b.tempGruus[0]);
    expect(new Set(temps).size).toBe(3);
    temps.forEach((t) => expect(t).toMatch(/^tgruu\.[0-9a-f]{24}$/));
    expect(table.byTempGruu(temps[1])?.contact).toBe('sip:alice@127.0.0.2:5062');
    expect(table.size).toBe(3);
  });

  it('mints a new temp-gruu per refresh, keeps the earlier ones, and caps them', () => {
    const { table } = setup();
    const minted = [1, 2, 3, 4].map((cseq) => table.apply(command({ cseq, contacts: [deviceUpdate(1)] }))[0].tempGruus.at(-1) as string);
    expect(new Set(minted).size).toBe(4);
    expect(table.byTempGruu(minted[0])).toBeUndefined(); // the oldest fell out of the cap of 3
    minted.slice(1).forEach((t) => expect(table.byTempGruu(t)?.instanceId).toBe(instance(1)));
  });

  it('invalidates earlier temp-gruus when the Call-ID changes', () => {
    const { table } = setup();
    const first = table.apply(command({ contacts: [deviceUpdate(1)] }))[0].tempGruus[0];
    const second = table.apply(command({ callId: 'reg-2', contacts: [deviceUpdate(1)] }))[0].tempGruus;
    expect(second).toHaveLength(1);
    expect(table.byTempGruu(first)).toBeUndefined();
    expect(table.byTempGruu(second[0])).toBeDefined();
  });

  it('mints no temp-gruu without Supported: gruu or without an instance', () => {
    const { table } = setup();
    const plain = { contact: 'sip:alice@127.0.0.9:5062', expires: 300, params: [] };
    const bindings = table.apply(command({ wantsGruu: false, contacts: [deviceUpdate(1), plain] }));
    expect(bindings.every((b) => b.tempGruus.length === 0)).toBe(true);
    expect(table.apply(command({ cseq: 2, contacts: [plain] })).find((b) => b.instanceId === undefined)?.tempGruus).toEqual([]);
  });

  it('keys a binding by instance: a device that moves replaces its old contact', () => {
    const { table } = setup();
    table.apply(command({ contacts: [deviceUpdate(1)] }));
    const moved = { ...deviceUpdate(1), contact: 'sip:alice@127.0.0.7:6000' };
    const bindings = table.apply(command({ cseq: 2, contacts: [moved] }));
    expect(bindings.map((b) => b.contact)).toEqual(['sip:alice@127.0.0.7:6000']);
  });

  it('routes a GRUU with several reg-id flows to the newest one', () => {
    const { table } = setup();
    table.apply(command({ contacts: [deviceUpdate(1, 300, 1)] }));
    table.apply(command({ callId: 'reg-b', contacts: [{ ...deviceUpdate(1, 300, 2), contact: 'sip:alice@127.0.0.8:5062' }] }));
    expect(table.contactsOf(AOR)).toHaveLength(2);
    expect(table.byInstance(AOR, instance(1).toUpperCase())?.contact).toBe('sip:alice@127.0.0.8:5062');
  });

  it('removes a binding on expires 0 and its temp-gruus with it, but remembers the instance', () => {
    const { table } = setup();
    const temp = table.apply(command({ contacts: [deviceUpdate(1), deviceUpdate(2)] }))[0].tempGruus[0];
    const left = table.apply(command({ cseq: 2, contacts: [deviceUpdate(1, 0)] }));
    expect(left.map((b) => b.instanceId)).toEqual([instance(2)]);
    expect(table.byTempGruu(temp)).toBeUndefined();
    expect(table.byInstance(AOR, instance(1))).toBeUndefined();
    expect(table.wasRegistered(AOR, instance(1))).toBe(true);
    expect(table.wasRegistered(AOR, instance(7))).toBe(false);
    expect(table.size).toBe(1);
  });

  it('removes every binding with Contact: * (RFC 3261 §10.3 step 6)', () => {
    const { table } = setup();
    table.apply(command({ contacts: [deviceUpdate(1)] }));
    table.apply(command({ callId: 'other', contacts: [deviceUpdate(2)] }));
    expect(table.apply(command({ callId: 'x', removeAll: true }))).toEqual([]);
    expect(table.size).toBe(0);
  });

  it('refuses an out-of-order CSeq on the same Call-ID and changes nothing', () => {
    const { table } = setup();
    table.apply(command({ cseq: 5, contacts: [deviceUpdate(1)] }));
    expect(rejection(() => table.apply(command({ cseq: 5, contacts: [deviceUpdate(1, 0)] }))).status).toBe(500);
    expect(rejection(() => table.apply(command({ cseq: 4, removeAll: true }))).status).toBe(500);
    expect(table.contactsOf(AOR)).toHaveLength(1);
  });

  it('expires bindings: lookups stop returning them at once, sweep frees them', () => {
    const { table, clock } = setup();
    const [short] = table.apply(command({ contacts: [deviceUpdate(1, 10), deviceUpdate(2, 60)] }));
    clock.now += 10_000;
    expect(table.contactsOf(AOR).map((b) => b.instanceId)).toEqual([instance(2)]);
    expect(table.byTempGruu(short.tempGruus[0])).toBeUndefined();
    clock.now += 50_000;
    expect(table.sweep()).toBe(1);
    expect(table.size).toBe(0);
    expect(table.wasRegistered(AOR, instance(2))).toBe(true);
  });

  it('caps contacts per AOR with 503, all or nothing', () => {
    const { table } = setup();
    table.apply(command({ contacts: [1, 2, 3].map((n) => deviceUpdate(n)) }));
    const e = rejection(() => table.apply(command({ cseq: 2, contacts: [deviceUpdate(4), deviceUpdate(5)] })));
    expect([e.status, e.reason]).toEqual([503, 'Too Many Registered Contacts']);
    expect(table.size).toBe(3);
    expect(table.apply(command({ cseq: 3, contacts: [deviceUpdate(1, 0), deviceUpdate(4), deviceUpdate(5)] }))).toHaveLength(4);
  });

  it('caps bindings over all AORs with 503 and Retry-After', () => {
    const { table } = setup();
    table.apply(command({ contacts: [1, 2, 3, 4].map((n) => deviceUpdate(n)) }));
    table.apply(command({ aor: 'sip:bob@example.com', contacts: [deviceUpdate(5), deviceUpdate(6)] }));
    const e = rejection(() => table.apply(command({ aor: 'sip:carol@example.com', contacts: [deviceUpdate(7)] })));
    expect(e.status).toBe(503);
    expect(e.headers).toEqual([{ name: 'Retry-After', value: '60' }]);
    expect(table.size).toBe(6);
  });
});
