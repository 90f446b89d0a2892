import type { IncomingMessage } from 'node:http';
import { TLSSocket } from 'node:tls';

/** The certificate a PI presented on a TLS connection, as the handshake judged it. */
export type PeerCertificate =
  /** Chains to a CA of INTAKE_TLS_CLIENT_CA_FILE; `sha256` is Node's fingerprint256. */
  | { readonly kind: 'trusted'; readonly sha256: string }
  /** Presented but not trusted (unknown CA, expired, ...): never authenticates anybody. */
  | { readonly kind: 'untrusted'; readonly reason: string };

/** What a request offers to prove which PI sent it: an API key, a client certificate, or both. */
export interface PiCredentials {
  readonly authorization?: string;
  readonly peer?: PeerCertificate;
}

/**
 * The credentials of a request. The TLS server asks for a client certificate but does not refuse
 * the handshake without a good one (`rejectUnauthorized: false`), so that a PI gets a 401 that
 * says what is wrong instead of a reset connection; the judgement is made here and in
 * PiAuthenticator.
 */
export function credentialsOf(req: IncomingMessage, authorization: string | undefined): PiCredentials {
  const socket = req.socket;
  if (!(socket instanceof TLSSocket)) return { authorization };
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.fingerprint256) return { authorization };
  const peer: PeerCertificate = socket.authorized
    ? { kind: 'trusted', sha256: cert.fingerprint256 }
    : { kind: 'untrusted', reason: String(socket.authorizationError ?? 'not trusted') };
  return { authorization, peer };
}
