import { preview } from './invalid-device-identity.error';

/** Thrown for an MSISDN or an activation-method address that cannot be used (seed S2). */
export class InvalidAddress extends Error {
  constructor(
    /** 'msisdn', or the bearer of the activation method: sip, sms, udp, http. */
    readonly what: string,
    readonly reason: string,
    input: unknown,
  ) {
    super(`invalid ${what} address ${preview(input)}: ${reason}`);
    this.name = 'InvalidAddress';
  }
}
