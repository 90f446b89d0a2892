/** A quiet-hours preference that cannot be evaluated (bad minutes or time zone). */
export class InvalidQuietHours extends Error {
  constructor(readonly reason: string) {
    super(`invalid quiet hours: ${reason}`);
    this.name = 'InvalidQuietHours';
  }
}
