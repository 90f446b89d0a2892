import { Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@waken/platform-observability';
import type { Counter, Histogram } from 'prom-client';
import type { WakeReport } from './outcome/wake-report';

/**
 * push-intake's Prometheus metrics beside the platform's (STYLE.md observability): answers per
 * door and status, pushes reaching each final state with the devices woken per push (the seed's
 * figure: K woken, not N), and result notifications by outcome.
 */
@Injectable()
export class IntakeMetrics {
  private readonly answers: Counter<'door' | 'status'>;
  private readonly finals: Counter<'state'>;
  private readonly woken: Histogram<'how'>;
  private readonly notifications: Counter<'outcome'>;

  constructor(metrics: ServiceMetrics) {
    this.answers = metrics.counter('waken_intake_answers_total', 'HTTP answers of the PAP and JSON doors', ['door', 'status']);
    this.finals = metrics.counter('waken_intake_final_total', 'Pushes that reached a final PAP state', ['state']);
    this.woken = metrics.histogram('waken_intake_devices_per_push', 'Devices reached per final push, by how (seed S7-S10)', [0, 1, 2, 3, 5, 10, 50], ['how']);
    this.notifications = metrics.counter('waken_intake_notifications_total', 'Result notification attempts by outcome', ['outcome']);
  }

  answered(door: 'pap' | 'json', status: number): void {
    this.answers.inc({ door, status: String(status) });
  }

  finalised(state: string, wake: WakeReport): void {
    this.finals.inc({ state });
    this.woken.observe({ how: 'sir' }, wake.devicesWoken);
    this.woken.observe({ how: 'connected' }, wake.devicesConnected);
  }

  notified(outcome: 'sent' | 'retry' | 'failed'): void {
    this.notifications.inc({ outcome });
  }
}
