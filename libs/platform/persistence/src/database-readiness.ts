import { DataSource } from 'typeorm';

/** Ready when the database answers SELECT 1. Structurally a ReadinessCheck of platform-observability. */
export class DatabaseReadiness {
  readonly name = 'database';
  constructor(private readonly ds: DataSource) {}

  async check(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
