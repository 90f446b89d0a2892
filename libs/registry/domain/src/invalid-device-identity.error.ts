/**
 * The one error the device-identity normalisers throw for bad input. `kind` is the
 * identity kind asked for (seed: GRUU, UUID, IMEI, URI, URN, RFID, ESN, MAC, fingerprint).
 */
export class InvalidDeviceIdentity extends Error {
  constructor(
    readonly kind: string,
    readonly reason: string,
    input: unknown,
  ) {
    super(`invalid ${kind} device identity ${preview(input)}: ${reason}`);
    this.name = 'InvalidDeviceIdentity';
  }
}

/** A short, printable echo of the input: errors end up in logs (no 1 KiB values, no CR/LF). */
export function preview(input: unknown): string {
  if (typeof input !== 'string') return `(${typeof input})`;
  const short = input.length > 64 ? `${input.slice(0, 64)}…` : input;
  return JSON.stringify(short);
}
