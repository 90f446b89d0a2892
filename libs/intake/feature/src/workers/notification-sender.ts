import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { LeasedNotification } from '@waken/intake-data-access';
import { parsePapDocument } from '@waken/intake-pap';
import { isPrivateAddress } from '../intake/notify-url-policy';

/** What one POST to the PI's endpoint came to. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly note?: string }
  | { readonly kind: 'retry'; readonly error: string }
  | { readonly kind: 'refused'; readonly error: string };

const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one result notification (seed §S12). No redirects, a timeout, and no private addresses
 * unless allowed (SSRF). A 2xx answer means the PI has it; for PAP the PI's
 * resultnotification-response code is kept as a note. Anything else is retried.
 */
export async function sendNotification(n: LeasedNotification, timeoutMs: number, allowPrivate: boolean): Promise<SendOutcome> {
  let url: URL;
  try {
    url = new URL(n.url);
  } catch {
    return { kind: 'refused', error: 'notify URL is not a URL' };
  }
  if (!allowPrivate && (await resolvesPrivate(url.hostname.replace(/^\[|\]$/g, '')))) {
    return { kind: 'refused', error: 'notify URL resolves to a private address' };
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'content-type': n.contentType, 'x-waken-notification-id': n.push },
      body: n.body,
    });
  } catch (e) {
    return { kind: 'retry', error: `POST failed: ${(e as Error).message}` };
  }
  const answer = await readCapped(response);
  if (response.status < 200 || response.status > 299) return { kind: 'retry', error: `PI answered HTTP ${response.status}` };
  return n.kind === 'pap' ? { kind: 'sent', ...papNote(answer) } : { kind: 'sent' };
}

async function resolvesPrivate(host: string): Promise<boolean> {
  if (host === 'localhost') return true;
  if (isIP(host)) return isPrivateAddress(host);
  try {
    return (await lookup(host, { all: true })).some((a) => isPrivateAddress(a.address));
  } catch {
    return false;
  }
}

async function readCapped(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.slice(0, MAX_ANSWER_BYTES);
}

/** The PI's resultnotification-response (pap.md §3); its absence or a parse error is only noted. */
function papNote(answer: string): { note?: string } {
  if (answer.trim() === '') return { note: 'no resultnotification-response' };
  try {
    const doc = parsePapDocument(answer);
    if (doc.kind !== 'resultnotification-response') return { note: `PI answered ${doc.kind}` };
    return doc.code === 1000 ? {} : { note: `PI answered code ${doc.code}` };
  } catch (e) {
    return { note: `unreadable resultnotification-response: ${(e as Error).message.slice(0, 200)}` };
  }
}
