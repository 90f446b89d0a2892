import { randomBytes, randomUUID } from 'node:crypto';
import { BRANCH_MAGIC_COOKIE } from './sip-via';

/** A transaction branch, unique in space and time (RFC 3261 §8.1.1.7). */
export function newBranch(): string {
  return `${BRANCH_MAGIC_COOKIE}${randomBytes(12).toString('hex')}`;
}

/** A From/To tag with at least 32 bits of randomness (RFC 3261 §19.3). */
export function newTag(): string {
  return randomBytes(8).toString('hex');
}

/** A globally unique Call-ID (RFC 3261 §8.1.1.4). */
export function newCallId(host: string): string {
  return `${randomUUID()}@${host}`;
}
