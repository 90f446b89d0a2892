import type { SirDocument } from '@waken/contracts';
import type { PushNotification } from '../session/push-notification';
import type { ActivationResult, ActivationTiming, ApplicationHandler } from './application-handler';

/**
 * seed §C5 (unit 24): the device's applications, by application id (e.g.
 * `x-wap-application:wml.ua`) or name. Ids compare case-insensitively.
 */
export class ApplicationRegistry {
  private readonly handlers = new Map<string, ApplicationHandler>();
  private fallback?: ApplicationHandler;

  /** Adds or replaces an application; returns a function that removes it again. */
  registerApplication(appId: string, handler: ApplicationHandler): () => void {
    if (appId.trim().length === 0) throw new RangeError('an application id must not be empty');
    const key = appId.trim().toLowerCase();
    this.handlers.set(key, handler);
    return () => {
      if (this.handlers.get(key) === handler) this.handlers.delete(key);
    };
  }

  /** Receives pushes whose application has no handler of its own. */
  setDefaultHandler(handler: ApplicationHandler | undefined): void {
    this.fallback = handler;
  }

  has(appId: string): boolean {
    return this.handlers.has(appId.trim().toLowerCase());
  }

  /** Activates the application the SIR names (id first, then name); nothing when it names none we have. */
  async activate(sir: SirDocument, timing: ActivationTiming): Promise<ActivationResult> {
    const named = [sir.applicationId, sir.applicationName].find((n): n is string => n !== undefined && this.has(n));
    const handler = named === undefined ? undefined : this.handlers.get(named.trim().toLowerCase());
    if (named === undefined || !handler) return { activated: false };
    const info = (await handler.activate?.({ sir, applicationId: named, timing })) ?? undefined;
    return { activated: true, applicationId: named, ...(info && { info }) };
  }

  /** Hands a push to its application, or the default handler; false when nobody takes it. */
  async deliver(push: PushNotification): Promise<boolean> {
    const own = push.applicationId === undefined ? undefined : this.handlers.get(push.applicationId.trim().toLowerCase());
    const handler = own?.onPush ? own : this.fallback;
    if (!handler?.onPush) return false;
    await handler.onPush(push);
    return true;
  }
}
