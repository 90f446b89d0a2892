import { SmppLogger } from '../smpp-logger';

export class RecordingLogger implements SmppLogger {
  readonly lines: { level: string; obj: object; msg: string }[] = [];

  debug(obj: object, msg: string): void {
    this.lines.push({ level: 'debug', obj, msg });
  }

  info(obj: object, msg: string): void {
    this.lines.push({ level: 'info', obj, msg });
  }

  warn(obj: object, msg: string): void {
    this.lines.push({ level: 'warn', obj, msg });
  }

  messages(level = 'warn'): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.msg);
  }
}
