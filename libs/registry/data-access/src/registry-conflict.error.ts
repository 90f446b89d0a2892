/** A write that would break a uniqueness rule of the registry (answered 409 by the API). */
export class RegistryConflict extends Error {
  constructor(
    readonly subject: 'user' | 'client' | 'device-identity',
    message: string,
  ) {
    super(message);
    this.name = 'RegistryConflict';
  }
}
