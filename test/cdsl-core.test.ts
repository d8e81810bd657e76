// The core functions of the CDSL flow (contract §11-§12): the checks before any request, the
// request bodies, what is repeated and what never is, and the error codes. Network: a `fetch`
// passed in (the seam every JSON call has), so each answer and each call is counted exactly.
import { expect } from '@open-wc/testing';
import {
  requestCdslOtp,
  verifyCdslOtp,
  parseCasUrl,
  checkCdslDetails,
  CdslDetailsError,
  TokenCache,
  type ApiOptions,
} from '../src/core/index.js';
import { newestFirst } from '../src/core/cdsl.js';
import { rejectionOf } from './helpers.js';

const DETAILS = { pan: 'abcde1234f', boId: '1208 1600 0000 0001', dob: '1990-01-15' };

interface Call {
  url: string;
  body: any;
  key: string | null;
}

/** A fetch that answers from `answers` in turn (the last one repeats) and records each call. */
function api(answers: (() => Response | Promise<Response>)[]) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)), key: new Headers(init.headers).get('x-api-key') });
    return answers[Math.min(calls.length - 1, answers.length - 1)]();
  }) as unknown as typeof globalThis.fetch;
  let tokens = 0;
  const options: ApiOptions = {
    token: { provider: async () => `at_test_${++tokens}` },
    tokenCache: new TokenCache(),
    retryDelay: 0,
    fetch,
  };
  return { calls, options, tokens: () => tokens };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req_t1', ...headers } });
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('checkCdslDetails (contract §12: checked before any request)', () => {
  const today = new Date(2026, 10, 30);
  it('sends the PAN in capitals and the BO ID without spaces', () => {
    expect(checkCdslDetails(DETAILS, today)).to.deep.equal({ pan: 'ABCDE1234F', bo_id: '1208160000000001', dob: '1990-01-15' });
  });
  for (const [what, details, fields] of [
    ['a PAN of the wrong shape', { ...DETAILS, pan: 'ABCDE12345' }, ['pan']],
    ['a BO ID of 15 digits', { ...DETAILS, boId: '120816000000000' }, ['boId']],
    ['a BO ID with letters', { ...DETAILS, boId: '12081600000000AB' }, ['boId']],
    ['a date that does not exist', { ...DETAILS, dob: '1990-02-30' }, ['dob']],
    ['today as the date of birth', { ...DETAILS, dob: '2026-11-30' }, ['dob']],
    ['a date in the future', { ...DETAILS, dob: '2030-01-01' }, ['dob']],
    ['no date', { ...DETAILS, dob: '' }, ['dob']],
    ['everything empty', { pan: '', boId: '', dob: '' }, ['pan', 'boId', 'dob']],
  ] as const) {
    it(`refuses ${what}: invalid-details naming the fields`, () => {
      let err: unknown;
      try {
        checkCdslDetails(details, today);
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(CdslDetailsError);
      expect((err as CdslDetailsError).code).to.equal('invalid-details');
      expect((err as CdslDetailsError).fields).to.deep.equal(fields);
      expect((err as Error).message).to.not.include('ABCDE');
    });
  }
});

describe('requestCdslOtp (step 1)', () => {
  it('posts {pan, bo_id, dob} as JSON with x-api-key and returns the session', async () => {
    const { calls, options } = api([json({ status: 'success', session_id: 'sess-1', msg: 'OTP sent' })]);
    const out = await requestCdslOtp(DETAILS, { ...options, apiBase: 'http://127.0.0.1:9' });
    expect(out).to.deep.equal({ sessionId: 'sess-1', requestId: 'req_t1' });
    expect(calls).to.have.length(1);
    expect(calls[0].url).to.equal('http://127.0.0.1:9/v4/cdsl/fetch');
    expect(calls[0].body).to.deep.equal({ pan: 'ABCDE1234F', bo_id: '1208160000000001', dob: '1990-01-15' });
    expect(calls[0].key).to.equal('at_test_1');
  });

  it('sends nothing (no token, no request) when the details fail the checks', async () => {
    const { calls, options, tokens } = api([json({})]);
    const err = await rejectionOf(requestCdslOtp({ ...DETAILS, pan: 'nope' }, options));
    expect(err.code).to.equal('invalid-details');
    expect(calls).to.have.length(0);
    expect(tokens()).to.equal(0);
  });

  for (const [what, answer] of [
    ['a 503', json({ status: 'failed', msg: 'busy' }, 503)],
    ['a 502', json({}, 502)],
    ['a 429 without Retry-After', json({}, 429)],
    ['a network failure', offline],
  ] as const) {
    it(`is never repeated after ${what} (it sends an SMS)`, async () => {
      const { calls, options } = api([answer, json({ status: 'success', session_id: 's' })]);
      await rejectionOf(requestCdslOtp(DETAILS, { ...options, retries: 2 }));
      expect(calls).to.have.length(1);
    });
  }

  it('waits out a 429 with Retry-After and tries once more', async () => {
    const { calls, options } = api([json({}, 429, { 'retry-after': '0' }), json({ status: 'success', session_id: 's2' })]);
    const out = await requestCdslOtp(DETAILS, options);
    expect(out.sessionId).to.equal('s2');
    expect(calls).to.have.length(2);
  });

  it('after a 401/403 drops that token, fetches one fresh token and tries once more', async () => {
    const { calls, options, tokens } = api([json({}, 403), json({ status: 'success', session_id: 's3' })]);
    expect((await requestCdslOtp(DETAILS, options)).sessionId).to.equal('s3');
    expect(calls.map((c) => c.key)).to.deep.equal(['at_test_1', 'at_test_2']);
    expect(tokens()).to.equal(2);
  });

  it('a second 403 is quota-exceeded (a fresh token rules out expiry), with no third attempt', async () => {
    const { calls, options } = api([json({}, 403)]);
    expect((await rejectionOf(requestCdslOtp(DETAILS, options))).code).to.equal('quota-exceeded');
    expect(calls).to.have.length(2);
  });

  it('a second 401 is auth-failed, with no third attempt', async () => {
    const { calls, options } = api([json({}, 401)]);
    expect((await rejectionOf(requestCdslOtp(DETAILS, options))).code).to.equal('auth-failed');
    expect(calls).to.have.length(2);
  });

  for (const [msg, code] of [
    ['Invalid PAN or BO ID', 'invalid-details'],
    ['CAPTCHA failed', 'fetch-failed'],
    ['Could not reach CDSL', 'fetch-failed'],
  ] as const) {
    it(`maps 400 "${msg}" to ${code}, keeping the API's message and request id`, async () => {
      const { options } = api([json({ status: 'failed', msg }, 400)]);
      const err = await rejectionOf(requestCdslOtp(DETAILS, options));
      expect(err.code).to.equal(code);
      expect(err.apiMessage).to.equal(msg);
      expect(err.requestId).to.equal('req_t1');
      expect(err.status).to.equal(400);
      expect(err.message).to.not.equal(code);
    });
  }

  it('a 2xx that says "failed" is judged like a 400', async () => {
    const { options } = api([json({ status: 'failed', msg: 'CAPTCHA failed' })]);
    expect((await rejectionOf(requestCdslOtp(DETAILS, options))).code).to.equal('fetch-failed');
  });

  it('fetch-failed is retryable, invalid-details is not', async () => {
    const a = api([json({ status: 'failed', msg: 'CAPTCHA failed' }, 400)]);
    expect((await rejectionOf(requestCdslOtp(DETAILS, a.options))).retryable).to.equal(true);
    const b = api([json({ status: 'failed', msg: 'Invalid PAN or BO ID' }, 400)]);
    expect((await rejectionOf(requestCdslOtp(DETAILS, b.options))).retryable).to.equal(false);
  });

  it('an abort ends the call with aborted', async () => {
    const ctl = new AbortController();
    const { options } = api([() => new Promise<Response>(() => {})]);
    options.fetch = ((_: string, init: RequestInit) => {
      queueMicrotask(() => ctl.abort());
      return new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('a', 'AbortError'))));
    }) as typeof globalThis.fetch;
    expect((await rejectionOf(requestCdslOtp(DETAILS, { ...options, signal: ctl.signal }))).code).to.equal('aborted');
  });

  it('times out with timeout', async () => {
    const { options } = api([() => new Promise<Response>(() => {})]);
    options.fetch = ((_: string, init: RequestInit) =>
      new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('t', 'TimeoutError'))))) as typeof fetch;
    expect((await rejectionOf(requestCdslOtp(DETAILS, { ...options, timeout: 20 }))).code).to.equal('timeout');
  });
});

describe('verifyCdslOtp (step 2)', () => {
  const files = [
    { filename: 'CDSL_CAS_1_OCT2025.pdf', url: 'https://f/oct' },
    { filename: 'CDSL_CAS_1_NOV2025.pdf', url: 'https://f/nov' },
  ];
  it('posts {otp, num_periods} to the session and returns the files, newest first', async () => {
    const { calls, options } = api([json({ status: 'success', files })]);
    const out = await verifyCdslOtp('s/1', ' 123456 ', { ...options, periods: 3 });
    expect(calls[0].url).to.equal('https://api.casparser.in/v4/cdsl/fetch/s%2F1/verify');
    expect(calls[0].body).to.deep.equal({ otp: '123456', num_periods: 3 });
    expect(out.files.map((f) => f.url)).to.deep.equal(['https://f/nov', 'https://f/oct']);
  });

  it('num_periods is 1 by default', async () => {
    const { calls, options } = api([json({ status: 'success', files })]);
    await verifyCdslOtp('s', '123456', options);
    expect(calls[0].body.num_periods).to.equal(1);
  });

  it('refuses an OTP that is not 4 to 8 digits with invalid-otp, without a request', async () => {
    const { calls, options } = api([json({})]);
    expect((await rejectionOf(verifyCdslOtp('s', '12a4', options))).code).to.equal('invalid-otp');
    expect(calls).to.have.length(0);
  });

  for (const [status, msg, code] of [
    [400, 'Invalid OTP', 'invalid-otp'],
    [400, 'Session expired', 'session-expired'],
    // It names the OTP, but the OTP is not wrong: the session is over.
    [400, 'OTP expired', 'session-expired'],
    [404, 'Not found', 'session-expired'],
    [400, 'No CAS files found', 'no-statements'],
  ] as const) {
    it(`maps ${status} "${msg}" to ${code}`, async () => {
      const { options } = api([json({ status: 'failed', msg }, status)]);
      expect((await rejectionOf(verifyCdslOtp('s', '123456', options))).code).to.equal(code);
    });
  }

  for (const [what, answer] of [
    ['a 503', json({ status: 'failed', msg: 'busy' }, 503)],
    ['a 502', json({}, 502)],
    ['a network failure (the answer lost)', offline],
  ] as const) {
    it(`is never repeated after ${what}: the API may have used the OTP (sent again it would read as wrong)`, async () => {
      const { calls, options } = api([answer, json({ status: 'success', files })]);
      await rejectionOf(verifyCdslOtp('s', '123456', { ...options, retries: 2 }));
      expect(calls).to.have.length(1);
    });
  }

  it('waits out a 429 with Retry-After (the API did not take it) and tries once more', async () => {
    const { calls, options } = api([json({}, 429, { 'retry-after': '0' }), json({ status: 'success', files })]);
    await verifyCdslOtp('s', '123456', options);
    expect(calls).to.have.length(2);
  });

  it('no files is no-statements', async () => {
    const { options } = api([json({ status: 'success', files: [] })]);
    expect((await rejectionOf(verifyCdslOtp('s', '123456', options))).code).to.equal('no-statements');
  });

  it('newestFirst sorts by the month in the name, unknown names last', () => {
    const names = ['x.pdf', 'A_DEC2024.pdf', 'A_JAN2025.pdf', 'A_MAR2024.pdf'];
    const sorted = newestFirst(names.map((filename) => ({ filename, url: filename })));
    expect(sorted.map((f) => f.filename)).to.deep.equal(['A_JAN2025.pdf', 'A_DEC2024.pdf', 'A_MAR2024.pdf', 'x.pdf']);
  });
});

describe('parseCasUrl (parse by URL)', () => {
  it('posts {pdf_url, password} as JSON to /v4/smart/parse', async () => {
    const { calls, options } = api([json({ investor: { name: 'A' } })]);
    const out = await parseCasUrl('https://f/nov', 'ABCDE1234F', options);
    expect(calls[0].url).to.equal('https://api.casparser.in/v4/smart/parse');
    expect(calls[0].body).to.deep.equal({ pdf_url: 'https://f/nov', password: 'ABCDE1234F' });
    expect(out.result).to.deep.equal({ investor: { name: 'A' } });
  });

  it('is retried like an upload after 503 and network failures', async () => {
    const { calls, options } = api([json({}, 503), offline, json({ ok: 1 })]);
    await parseCasUrl('https://f', 'p', { ...options, retries: 2 });
    expect(calls).to.have.length(3);
  });

  it('a wrong password is invalid-password', async () => {
    const { options } = api([json({ status: 'failed', msg: 'Invalid PDF file or password.' }, 400)]);
    expect((await rejectionOf(parseCasUrl('https://f', 'p', options))).code).to.equal('invalid-password');
  });

  it('refreshes the token once on 401', async () => {
    const { calls, options } = api([json({}, 401), json({ ok: 1 })]);
    await parseCasUrl('https://f', 'p', options);
    expect(calls.map((c) => c.key)).to.deep.equal(['at_test_1', 'at_test_2']);
  });
});
