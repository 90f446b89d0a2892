import { selectBestResponse, type BranchOutcome } from './branch-outcome';

/**
 * The outcomes of one forked request (RFC 3261 §16.7). Answers once: at the first 2xx
 * (the other branches run on, their answers dropped), else when every branch has ended.
 */
export class ResponseContext {
  private readonly outcomes: BranchOutcome[] = [];
  private pending: number;
  private answered = false;

  constructor(
    branches: number,
    private readonly answer: (best: BranchOutcome) => void,
  ) {
    this.pending = branches;
  }

  get isAnswered(): boolean {
    return this.answered;
  }

  add(outcome: BranchOutcome): void {
    this.pending -= 1;
    if (this.answered) return;
    this.outcomes.push(outcome);
    if (outcome.status >= 200 && outcome.status < 300) this.finish(outcome);
    else if (this.pending <= 0) this.finish(selectBestResponse(this.outcomes));
  }

  private finish(best: BranchOutcome): void {
    this.answered = true;
    this.answer(best);
  }
}
