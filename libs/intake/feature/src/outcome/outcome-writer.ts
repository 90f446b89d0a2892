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
    return (await this.applyAll(m, [{ push, events }], now))[0];
  }

  /** Several locked pushes of one transaction: states computed, saved in two statements. */
  async applyAll(m: SqlRunner, items: ReadonlyArray<{ push: PushRecord; events: readonly OutcomeEvent[] }>, now = new Date()): Promise<string[]> {
    const changed = items.filter((i) => i.events.length > 0).map(({ push, events }) => {
      const after = events.reduce(applyOutcome, progressOf(push));
      const state = pushStateOf(after);
      return { push, after, state, final: isFinalState(state) };
    });
    await this.pushes.saveOutcomes(
      m,
      changed.map((c) => ({ id: c.push.id, state: c.state, progress: c.after, recipientStates: c.after.recipients.map((r) => r.state), final: c.final })),
    );
    for (const c of changed.filter((x) => x.final && !isFinalState(x.push.state))) {
      this.metrics.finalised(c.state, wakeReportOf(c.after));
      const notification = resultNotificationOf(c.push, c.after, now, this.options);
      if (notification) await this.notifications.enqueue(m, notification);
    }
    const byId = new Map(changed.map((c) => [c.push.id, c.state]));
    return items.map((i) => byId.get(i.push.id) ?? i.push.state);
  }
}

export function progressOf(push: PushRecord): PushProgress {
  const stored = push.progress as PushProgress | null;
  return stored && Array.isArray(stored.recipients) ? stored : initialProgress(push.recipients.length);
}
