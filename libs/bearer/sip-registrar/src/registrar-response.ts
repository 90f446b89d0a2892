import { formatNameAddr, quote, type SipHeader, type SipParam } from '@waken/bearer-sip';
import type { Binding } from './binding';
import { publicGruu, temporaryGruu } from './gruu';

/**
 * The Contact headers of a REGISTER 200 OK (RFC 3261 §10.3 step 8): every binding of the
 * AOR with its remaining expiry; with `Supported: gruu`, each instance's pub-gruu and its
 * newest temp-gruu (RFC 5627 §5.1).
 */
export function bindingContacts(bindings: readonly Binding[], wantsGruu: boolean, domain: string, nowMs: number): SipHeader[] {
  return bindings.map((binding) => {
    const expires = Math.max(0, Math.ceil((binding.expiresAt - nowMs) / 1000));
    const params: SipParam[] = [...binding.params, { name: 'expires', value: String(expires) }];
    if (wantsGruu && binding.instanceId !== undefined) {
      params.push({ name: 'pub-gruu', value: quote(publicGruu(binding.aor, binding.instanceId)) });
      const newest = binding.tempGruus.at(-1);
      if (newest !== undefined) params.push({ name: 'temp-gruu', value: quote(temporaryGruu(newest, domain)) });
    }
    return { name: 'Contact', value: formatNameAddr({ uri: binding.contact, params }) };
  });
}
