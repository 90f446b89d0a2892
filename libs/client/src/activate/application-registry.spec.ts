import { sirFor } from '../testing/client-fixtures';
import type { PushNotification } from '../session/push-notification';
import { ApplicationRegistry } from './application-registry';

const push = (applicationId?: string): PushNotification => ({ pushId: 'p', recipientIndex: 0, contentType: 'text/plain', body: new Uint8Array(), ...(applicationId && { applicationId }) });

describe('ApplicationRegistry (seed §C5)', () => {
  it('activates the application the SIR names, with its timing, and returns what it reports', async () => {
    const registry = new ApplicationRegistry();
    const calls: string[] = [];
    registry.registerApplication('X-WAP-Application:wml.ua', { activate: (ctx) => (calls.push(ctx.timing), { capabilities: { browser: 'wml' } }) });
    const result = await registry.activate(sirFor('targeted', 'phone'), 'before-session');
    expect(result).toEqual({ activated: true, applicationId: 'x-wap-application:wml.ua', info: { capabilities: { browser: 'wml' } } });
    expect(calls).toEqual(['before-session']);
  });

  it('finds an application by name when its id is unknown, and activates nothing otherwise', async () => {
    const registry = new ApplicationRegistry();
    registry.registerApplication('dcd', { activate: () => undefined });
    const named = sirFor('targeted', 'phone', { applicationId: 'x-waken:unknown' });
    expect(await registry.activate({ ...named, applicationName: 'DCD' }, 'after-session')).toEqual({ activated: true, applicationId: 'DCD' });
    expect(await registry.activate(named, 'after-session')).toEqual({ activated: false });
  });

  it('routes pushes by application id, else to the default handler; unregistering removes it', async () => {
    const registry = new ApplicationRegistry();
    const got: string[] = [];
    const remove = registry.registerApplication('x-wap-application:wml.ua', { onPush: () => void got.push('wml') });
    expect(await registry.deliver(push('x-wap-application:wml.ua'))).toBe(true);
    expect(await registry.deliver(push())).toBe(false);
    registry.setDefaultHandler({ onPush: () => void got.push('default') });
    remove();
    expect(await registry.deliver(push('x-wap-application:wml.ua'))).toBe(true);
    expect(got).toEqual(['wml', 'default']);
    expect(() => registry.registerApplication(' ', {})).toThrow(RangeError);
  });
});
