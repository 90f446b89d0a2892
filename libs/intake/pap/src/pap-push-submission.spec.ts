import { ContentPolicyError } from './content-policy-error';
import { MultipartError } from './multipart-error';
import { buildMultipartRelated, MultipartPartInput } from './multipart-related-builder';
import { PapError } from './pap-error';
import { readPushSubmission } from './pap-push-submission';
import { FIXTURE_NOW, fixture, papDoc } from './testing/fixtures';

const options = { trusted: false, pap: { now: FIXTURE_NOW } };
const control: MultipartPartInput = { contentType: 'application/xml; charset=UTF-8', body: Buffer.from(fixture('pap-2.0-push-message.xml')) };
const si: MultipartPartInput = {
  contentType: 'text/vnd.wap.si',
  headers: { 'X-Wap-Application-Id': 'x-wap-application:wml.ua' },
  body: Buffer.from(fixture('si-http.xml')),
};

function submit(parts: MultipartPartInput[], opts = options) {
  const built = buildMultipartRelated(parts);
  return readPushSubmission(built.body, built.contentType, opts);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('no error');
}

describe('readPushSubmission (pap.md §1, seed §S1)', () => {
  it('reads the pap.md §8 submission and takes the application id from the content part', () => {
    const submission = submit([control, si]);
    expect(submission.message).toMatchObject({ kind: 'push-message', pushId: '42@pi.example.com', applicationId: 'x-wap-application:wml.ua' });
    expect(submission.content.mediaType).toBe('text/vnd.wap.si');
    expect(submission.capabilities).toBeUndefined();
  });

  it('reads the literal pap.md §8 HTTP body (CRLF line breaks)', () => {
    const body = [
      '--asdf',
      'Content-Type: application/xml; charset=UTF-8',
      '',
      fixture('pap-2.0-push-message.xml').trimEnd(),
      '--asdf',
      'Content-Type: text/vnd.wap.si',
      'X-Wap-Application-Id: x-wap-application:wml.ua',
      '',
      fixture('si-http.xml').trimEnd(),
      '--asdf--',
      '',
    ].join('\r\n');
    const submission = readPushSubmission(Buffer.from(body), 'multipart/related; boundary=asdf; type="application/xml"', options);
    expect(submission.message.addresses[0].value).toBe('+15551234567');
    expect(submission.content.body.toString()).toBe(fixture('si-http.xml').trimEnd());
  });

  it('reads the optional capabilities entity third', () => {
    const rdf = { contentType: 'application/rdf+xml', body: Buffer.from('<rdf/>') };
    expect(submit([control, { ...si, headers: {} }, rdf]).capabilities?.body.toString()).toBe('<rdf/>');
    expect(submit([control, si]).message.applicationId).toBeDefined();
  });

  it('refuses a control entity that is not XML, a missing content entity and a non-push control', () => {
    expect(thrown(() => submit([{ ...control, contentType: 'text/plain' }, si]))).toBeInstanceOf(MultipartError);
    expect(thrown(() => submit([control]))).toMatchObject({ code: 2000 });
    const status = { ...control, body: Buffer.from(papDoc('<statusquery-message push-id="a"/>')) };
    expect(thrown(() => submit([status, si]))).toMatchObject({ code: 2000 });
  });

  it('refuses a bad application id, answering push-response 2000 for that push', () => {
    const error = thrown(() => submit([control, { ...si, headers: { 'X-Wap-Application-Id': 'a'.repeat(201) } }]));
    expect(error).toBeInstanceOf(PapError);
    expect(error).toMatchObject({ code: 2000, operation: 'push-message', requestId: '42@pi.example.com' });
  });

  it('applies the content policy (reliability.md #15)', () => {
    const js = { ...si, body: Buffer.from(fixture('si-javascript.xml')) };
    expect(thrown(() => submit([control, js]))).toBeInstanceOf(ContentPolicyError);
    const sl = { contentType: 'text/vnd.wap.sl', body: Buffer.from(fixture('sl-execute-high.xml')) };
    expect(thrown(() => submit([control, sl]))).toMatchObject({ reason: 'execute-high-untrusted' });
    expect(submit([control, sl], { ...options, trusted: true }).content.mediaType).toBe('text/vnd.wap.sl');
  });
});
