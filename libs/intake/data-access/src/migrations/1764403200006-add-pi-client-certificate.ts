import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optional mutual TLS for PIs (docs/push-intake.md "Client certificates"): the SHA-256
 * fingerprint of the certificate a PI presents names it, as its API key's hash does.
 */
export class AddPiClientCertificate1764403200006 implements MigrationInterface {
  name = 'AddPiClientCertificate1764403200006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE push_initiator ADD COLUMN client_cert_sha256 text`);
    await q.query(`ALTER TABLE push_initiator ADD CONSTRAINT push_initiator_client_cert_unique UNIQUE (client_cert_sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE push_initiator DROP COLUMN client_cert_sha256`);
  }
}
