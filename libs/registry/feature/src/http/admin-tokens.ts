import { createHash, timingSafeEqual } from 'node:crypto';

/** A tenant's administration token, kept only as its SHA-256 digest. */
export interface AdminToken {
  tenantId: string;
  sha256: Buffer;
}

const MIN_TOKEN_LENGTH = 16;
const TENANT_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Reads `tenantA:token1,tenantB:token2` (REGISTRY_ADMIN_TOKENS). A tenant may have several
 * tokens (rotation). Throws an Error naming the bad entry without echoing the secret.
 */
export function parseAdminTokens(spec: string): AdminToken[] {
  const entries = spec.split(',').map((s) => s.trim()).filter(Boolean);
  return entries.map((entry, i) => {
    const colon = entry.indexOf(':');
    const tenantId = entry.slice(0, colon);
    const token = entry.slice(colon + 1);
    if (colon < 1 || !TENANT_ID.test(tenantId)) throw new Error(`entry ${i + 1}: expected <tenant>:<token> with a tenant id of [A-Za-z0-9._-]`);
    if (token.length < MIN_TOKEN_LENGTH) throw new Error(`entry ${i + 1} (${tenantId}): token shorter than ${MIN_TOKEN_LENGTH} characters`);
    return { tenantId, sha256: sha256(token) };
  });
}

/**
 * The tenant whose token this is, or undefined. Compares digests in constant time and looks at
 * every configured token whatever matches, so timing tells nothing about which one is close.
 */
export function tenantOfToken(tokens: AdminToken[], presented: string): string | undefined {
  const digest = sha256(presented);
  let tenant: string | undefined;
  for (const token of tokens) {
    if (timingSafeEqual(token.sha256, digest) && tenant === undefined) tenant = token.tenantId;
  }
  return tenant;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
