import type { SipResponse } from '@waken/bearer-sip';
import { selectBestResponse, type BranchOutcome } from './branch-outcome';
import { ResponseContext } from './response-context';

const response = (status: number): SipResponse => ({ kind: 'response', status, reason: `r${status}`, headers: [], body: new Uint8Array(0) });
const outcome = (status: number): BranchOutcome => ({ status, reason: `r${status}`, response: response(status) });
const best = (...statuses: number[]) => selectBestResponse(statuses.map(outcome)).status;

describe('selectBestResponse (RFC 3261 §16.7)', () => {
  it('takes the first 2xx whatever else came', () => {
    expect(best(486, 202, 200, 603)).toBe(202);
  });

  it('takes a 6xx over lower classes', () => {
    expect(best(404, 603, 302)).toBe(603);
  });

  it('takes the lowest class otherwise, first come first chosen', () => {
    expect(best(500, 486, 480)).toBe(486);
    expect(best(500, 302)).toBe(302);
    expect(best(408, 408)).toBe(408);
  });

  it('prefers 401/407/415/420/484 inside 4xx', () => {
    expect(best(404, 480, 407)).toBe(407);
    expect(best(486, 415, 401)).toBe(415);
  });

  it('turns a chosen 503 into 500 and drops the callee response', () => {
    expect(selectBestResponse([outcome(503), outcome(504)])).toEqual({ status: 500, reason: 'Server Internal Error' });
    expect(best(503, 480)).toBe(480);
  });

  it('answers 408 when no branch gave a final response', () => {
    expect(selectBestResponse([])).toEqual({ status: 408, reason: 'Request Timeout' });
    expect(best(100, 183)).toBe(408);
  });

  it('keeps the made-up outcomes of timeouts and transport errors', () => {
    expect(selectBestResponse([{ status: 408, reason: 'Request Timeout' }, outcome(486)]).status).toBe(408);
  });
});

describe('ResponseContext', () => {
  it('answers at the first 2xx and ignores later branches', () => {
    const answers: number[] = [];
    const context = new ResponseContext(3, (o) => answers.push(o.status));
    context.add(outcome(486));
    context.add(outcome(200));
    context.add(outcome(202));
    expect(answers).toEqual([200]);
    expect(context.isAnswered).toBe(true);
  });

  it('waits for every branch when none succeeds, then picks the best', () => {
    const answers: number[] = [];
    const context = new ResponseContext(3, (o) => answers.push(o.status));
    context.add(outcome(500));
    context.add({ status: 408, reason: 'Request Timeout' });
    expect(answers).toEqual([]);
    context.add(outcome(486));
    expect(answers).toEqual([408]);
  });
});
