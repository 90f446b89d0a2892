import { createHash, randomBytes } from 'node:crypto';

/** API keys are stored as SHA-256 hashes only (reliability.md (d) "PI credentials: hashed keys"). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** 32 random bytes, URL-safe: what the admin command hands to a PI once. */
export function generateApiKey(): string {
  return `wk_${randomBytes(32).toString('base64url')}`;
}
