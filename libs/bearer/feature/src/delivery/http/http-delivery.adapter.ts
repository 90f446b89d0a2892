import { OnApplicationShutdown } from '@nestjs/common';
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { DeliveryHttpRequestedV1 } from '@waken/contracts';
import { BearerAdapter, TransmissionOutcome, TransmitContext } from '../common/delivery-request';
import { HttpSettings } from './delivery-http.options';
import { httpErrorOutcome } from './http-outcome';
import { HttpPushExchange } from './http-push-exchange';
import { PrivateAddressGuard } from './private-address-guard';

// set by the adapter from the request and the body, never by a request's header map
const RESERVED = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'expect', 'trailer', 'proxy-authorization', 'proxy-connection']);

/**
 * seed §S6/§S7 over HTTP: a POST of the SIR or content to the client's push endpoint, on
 * keep-alive connections. Redirects are not followed and non-public targets are refused unless
 * configured (SSRF); both the URL's literal address and every DNS answer are checked.
 */
export class HttpDeliveryAdapter implements BearerAdapter<DeliveryHttpRequestedV1>, OnApplicationShutdown {
  readonly bearer = 'http' as const;
  private readonly agents: Record<'http:' | 'https:', http.Agent>;
  private readonly guard: PrivateAddressGuard;

  constructor(private readonly settings: HttpSettings) {
    const options = { keepAlive: true, maxSockets: settings.maxSockets, lookup: this.lookup };
    this.agents = { 'http:': new http.Agent(options), 'https:': new https.Agent(options) };
    this.guard = new PrivateAddressGuard(settings.allowPrivateTargets);
  }

  onApplicationShutdown(): void {
    Object.values(this.agents).forEach((a) => a.destroy());
  }

  destination(request: DeliveryHttpRequestedV1): string {
    return request.url;
  }

  async transmit(request: DeliveryHttpRequestedV1, context: TransmitContext): Promise<TransmissionOutcome> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch (e) {
      return httpErrorOutcome(e);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'undeliverable', detail: `scheme ${url.protocol} refused` };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && this.guard.refuses(host)) return { kind: 'undeliverable', detail: `target ${host} refused: not a public address (SSRF)` };
    const reserved = Object.keys(request.headers).find((h) => RESERVED.has(h.toLowerCase()));
    if (reserved) return { kind: 'undeliverable', detail: `header ${reserved} is set by the PPG, not by the request` };
    const body = Buffer.from(request.bodyBase64, 'base64');
    const headers = { ...request.headers, 'Content-Type': request.contentType, 'Content-Length': String(body.length), 'User-Agent': this.settings.userAgent };
    const send = url.protocol === 'https:' ? https.request : http.request;
    return new HttpPushExchange(this.settings, context.deadline).run(() => send(url, { method: 'POST', agent: this.agents[url.protocol as 'http:'], headers }), body);
  }

  /** DNS with the SSRF check on every address returned (no rebinding between check and connect). */
  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, options, (err, address, family) => {
      if (err) return callback(err, address as string, family);
      const all = Array.isArray(address) ? address : [{ address, family: family as number }];
      const refused = all.find((a) => this.guard.refuses(a.address));
      if (!refused) return callback(null, address as string, family);
      const error = Object.assign(new Error(`${hostname} resolves to ${refused.address}, not a public address (SSRF)`), { code: 'ESSRF' });
      callback(error, '', 0);
    });
  };
}
