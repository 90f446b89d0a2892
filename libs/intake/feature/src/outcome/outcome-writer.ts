import { Inject, Injectable } from '@nestjs/common';
import { NotificationRepository, PushRecord, PushRepository, SqlRunner } from '@waken/intake-data-access';
import { IntakeMetrics } from '../intake-metrics';
import { INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { applyOutcome, OutcomeEvent, pushStateOf } from './push-outcome';
import { initialProgress, isFinalState, PushProgress } from './push-progress';
import { resultNotificationOf } from './result-notification';
import { wakeReportOf } from './wake-report';

/**
 * Applies outcome events to a locked push inside the caller's transaction and, when the push
 * reaches a final state, enqueues its one notification in that same transaction (so the state
 * and the notification are written together or not at all).
 */
@Injectable()
export class OutcomeWriter {
  private readonly pushes = new PushRepository();
  private readonly notifications = new NotificationRepository();

  constructor(
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
    private readonly metrics: IntakeMetrics,
  ) {}

  /** Returns the push's state afterwards. */
  async apply(m: SqlRunner, push: PushRecord, events: readonly OutcomeEvent[], now = new Date()): Promise<string> {
    if (events.length === 0) return push.state;
    const after = events.reduce(applyOutcome, progressOf(push));
    const state = pushStateOf(after);
    const final = isFinalState(state);
    await this.pushes.saveOutcome(m, push.id, state, after, after.recipients.map((r) => r.state), final);
    if (final && !isFinalState(push.state)) {
      this.metrics.finalised(state, wakeReportOf(after));
      const notification = resultNotificationOf(push, after, now, this.options);
      if (notification) await this.notifications.enqueue(m, notification);
    }
    return state;
  }
}

export function progressOf(push: PushRecord): PushProgress {
  const stored = push.progress as PushProgress | null;
  return stored && Array.isArray(stored.recipients) ? stored : initialProgress(push.recipients.length);
}
