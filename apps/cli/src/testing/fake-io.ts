import type { CliIo } from '../commands/cli-command';

/** An in-memory CliIo: files by name, stdin as `-`, captured output. */
export class FakeIo implements CliIo {
  stdout = '';
  stdoutBytes: Uint8Array[] = [];
  stderr = '';
  env: Record<string, string | undefined> = {};

  constructor(private readonly files: Record<string, string | Uint8Array> = {}) {}

  out(data: string | Uint8Array): void {
    if (typeof data === 'string') this.stdout += data;
    else {
      this.stdoutBytes.push(data);
      this.stdout += Buffer.from(data).toString('latin1');
    }
  }

  err(text: string): void {
    this.stderr += text;
  }

  readInput(path: string): Buffer {
    const data = this.files[path];
    if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return Buffer.from(data);
  }
}
