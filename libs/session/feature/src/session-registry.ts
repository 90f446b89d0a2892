import { ClientRef, clientKeyOf } from '@waken/session-domain';
import { LiveSession } from './live-session';

/**
 * The open sessions, by client and by dialog. Sessions are not persisted (docs/push-session.md):
 * after a restart clients subscribe again. One session per client: a new one replaces the old.
 */
export class SessionRegistry {
  private readonly byClient = new Map<string, LiveSession>();
  private readonly byDialog = new Map<string, LiveSession>();

  get size(): number {
    return this.byClient.size;
  }

  /** Adds `live`; returns the session of the same client it replaced, if any. */
  add(live: LiveSession): LiveSession | undefined {
    const key = clientKeyOf(live.session);
    const replaced = this.byClient.get(key);
    if (replaced) this.byDialog.delete(replaced.dialog.id);
    this.byClient.set(key, live);
    this.byDialog.set(live.dialog.id, live);
    return replaced;
  }

  forClient(client: ClientRef): LiveSession | undefined {
    return this.byClient.get(clientKeyOf(client));
  }

  forDialog(dialogId: string): LiveSession | undefined {
    return this.byDialog.get(dialogId);
  }

  /** True when `live` is still the client's session (not replaced, not removed). */
  isCurrent(live: LiveSession): boolean {
    return this.byClient.get(clientKeyOf(live.session)) === live;
  }

  remove(live: LiveSession): void {
    if (this.isCurrent(live)) this.byClient.delete(clientKeyOf(live.session));
    if (this.byDialog.get(live.dialog.id) === live) this.byDialog.delete(live.dialog.id);
  }

  all(): LiveSession[] {
    return [...this.byClient.values()];
  }
}
