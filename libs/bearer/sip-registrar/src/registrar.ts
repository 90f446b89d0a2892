import type { SipHeader } from '@waken/bearer-sip';
import type { IncomingSipRequest } from '@waken/bearer-sip-transport';
import type { BindingTable } from './binding-table';
import type { ProxyIdentity } from './proxy-identity';
import { parseRegisterRequest, type ExpiryPolicy } from './register-request-parser';
import { bindingContacts } from './registrar-response';
import { SipRejection } from './sip-rejection';

/** Answers REGISTER like Kamailio's `save("location")` with `gruu_enabled 1` (RFC 3261 §10.3, RFC 5627 §5.1). */
export class Registrar {
  constructor(
    private readonly table: BindingTable,
    private readonly identity: ProxyIdentity,
    private readonly policy: ExpiryPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  handle(incoming: IncomingSipRequest): void {
    let headers: SipHeader[];
    try {
      const command = parseRegisterRequest(incoming.request, this.identity, this.policy);
      const bindings = this.table.apply(command);
      headers = bindingContacts(bindings, command.wantsGruu, this.identity.domain, this.now());
    } catch (e) {
      if (!(e instanceof SipRejection)) throw e;
      incoming.respond(e.status, e.reason, e.headers);
      return;
    }
    incoming.respond(200, 'OK', headers);
  }
}
