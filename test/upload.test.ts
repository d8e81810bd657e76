import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { watchSpec, offSpec, excuseRequests } from './mocks/spec-check.js';
import { http, HttpResponse, delay } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import type { Interceptor } from '@mswjs/interceptors';
// msw's own in-page XHR interception (a dependency of msw): unlike the service worker, it
// fires `xhr.upload` progress events.
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest';
import { uploadCas, parseUrl, MAX_RETRY_DELAY, type UploadOptions } from '../src/core/upload.js';
import { TokenCache } from '../src/core/token-cache.js';
import { CasUploadError } from '../src/core/errors.js';
import { ScriptedXhr } from './scripted-xhr.js';
import { systemClock, type Clock } from '../src/core/clock.js';
import type { ProgressDetail } from '../src/core/parse-request.js';
import {
  API_BASE,
  TOKEN_URL,
  PARSE_RESPONSE,
  apiJson,
  createHandlers,
  createMockState,
  resetMockState,
  setScenario,
} from './mocks/handlers.js';
import { rejectionOf } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z, whole seconds
const PARSE_URL = `${API_BASE}/v4/smart/parse`;
const PASSWORD = 'Pa55-DO-NOT-LEAK';

/** Records every backoff instead of sleeping; time moves only when something sleeps. */
class FakeClock implements Clock {
  t = T0;
  sleeps: number[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.t += ms;
    return Promise.resolve();
  }
}

/** A clock whose sleeps last until the signal aborts (to abort during a backoff). */
class StuckClock extends FakeClock {
  override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((_resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}

function pdfFile(name = 'my-cas.pdf', extraBytes = 64): File {
  return new File(['%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', new Uint8Array(extraBytes)], name, {
    type: 'application/pdf',
  });
}

let clock: FakeClock;

/** Options for one test: a fresh token cache, the fake clock, no jitter. */
function opts(extra: Partial<UploadOptions> = {}): UploadOptions {
  return {
    file: pdfFile(),
    password: PASSWORD,
    token: { url: TOKEN_URL },
    tokenCache: new TokenCache(),
    clock,
    random: () => 0,
    ...extra,
  };
}

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

type Answer = () => Response | Promise<Response>;

/** An answer as the API gives it: by default `{}` for a 2xx, else `{status: 'failed', msg}`. */
const answer =
  (status: number, body?: unknown, headers: Record<string, string> = {}): Answer =>
  () =>
    apiJson(body !== undefined ? body : (status < 300 ? {} : { status: 'failed', msg: `HTTP ${status}` }), { status, headers });
/** An answer off the specification on purpose (what the client must survive), for `reason`. */
const offAnswer =
  (reason: string, status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  () =>
    offSpec(reason, apiJson(body, { status, headers }));
const ok: Answer = answer(200, PARSE_RESPONSE);
const networkError: Answer = () => HttpResponse.error();

/**
 * Replaces the parse endpoint: the n-th request gets answers[n] (the last one repeats).
 * Returns the x-api-key of every request, in order.
 */
function answerParse(...answers: Answer[]): string[] {
  const keys: string[] = [];
  worker.use(
    http.post(`${API_BASE}/v4/:parser/parse`, ({ request }) => {
      keys.push(request.headers.get('x-api-key') ?? '');
      return answers[Math.min(keys.length, answers.length) - 1]();
    }),
  );
  return keys;
}

// ---------------------------------------------------------------------------------------------
// msw: one service worker for the file; handlers reset after each test.
// ---------------------------------------------------------------------------------------------

const state = createMockState();
const worker = setupWorker(...createHandlers(state));

before(async () => {
  await worker.start({ onUnhandledRequest: 'error', quiet: true });
});
after(() => worker.stop());
beforeEach(() => {
  resetMockState(state);
  clock = new FakeClock();
});
// Every answer of the mocks, and every request sent to them, follows the specification (test/mocks/spec-check.ts).
const spec = watchSpec(worker);
afterEach(async () => {
  worker.resetHandlers();
  const broken = await spec.settle();
  if (broken.length) throw new Error(`the mocks broke the specification:\n  ${broken.join('\n  ')}`);
});

// ---------------------------------------------------------------------------------------------

describe('uploadCas: the request (CONTRACT section 4)', () => {
  it('POSTs multipart pdf_file + password to /v4/smart/parse with x-api-key, and resolves with the body', async () => {
    const file = pdfFile('Ananya CAS June.pdf');
    const out = await uploadCas(opts({ file }));
    expect(out.result).to.deep.equal(PARSE_RESPONSE);
    expect(state.tokenRequests).to.equal(1);
    expect(state.parseRequests).to.equal(1);
    const req = state.lastParseRequest!;
    expect(req.method).to.equal('POST');
    expect(req.url).to.equal(PARSE_URL);
    expect(req.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
    expect(req.headers['x-api-key']).to.equal('at_demo_1');
    expect(req.fields.pdf_file).to.deep.equal({ name: 'Ananya CAS June.pdf', size: file.size, type: 'application/pdf' });
    expect(req.fields.password).to.equal(PASSWORD);
  });

  // Cookies are tested against a real server (test/resilience/secrets.test.ts): requests
  // through the service worker never show a Cookie header.
  it('sends nothing else that identifies the user: only the two fields and no Authorization', async () => {
    await uploadCas(opts());
    const req = state.lastParseRequest!;
    expect(Object.keys(req.fields).sort()).to.deep.equal(['password', 'pdf_file']);
    expect(req.headers).to.not.have.property('authorization');
  });

  it('sends password as an empty string when none is given', async () => {
    await uploadCas(opts({ password: undefined }));
    expect(state.lastParseRequest!.fields.password).to.equal('');
  });

  it('honours fileField', async () => {
    excuseRequests('fileField: the field is named as the host says, not pdf_file');
    await uploadCas(opts({ fileField: 'statement' }));
    const { fields } = state.lastParseRequest!;
    expect(fields).to.have.property('statement');
    expect(fields).to.not.have.property('pdf_file');
    expect((fields.statement as { name: string }).name).to.equal('my-cas.pdf');
  });

  it('uses fileName for a Blob without a name', async () => {
    const blob = new Blob(['%PDF-1.4\nblob body'], { type: 'application/pdf' });
    await uploadCas(opts({ file: blob, fileName: 'from-blob.pdf' }));
    expect((state.lastParseRequest!.fields.pdf_file as { name: string }).name).to.equal('from-blob.pdf');
  });

  for (const parser of ['smart', 'cdsl', 'nsdl', 'cams_kfintech']) {
    it(`parser "${parser}" posts to /v4/${parser}/parse`, async () => {
      await uploadCas(opts({ parser }));
      expect(state.lastParseRequest!.url).to.equal(`${API_BASE}/v4/${parser}/parse`);
      expect(state.lastParseRequest!.parser).to.equal(parser);
    });
  }

  it('allows an http: api base on localhost', async () => {
    const apiBase = 'http://localhost:8765';
    worker.use(...createHandlers(state, { apiBase }));
    const out = await uploadCas(opts({ apiBase }));
    expect(out.result).to.deep.equal(PARSE_RESPONSE);
    expect(state.lastParseRequest!.url).to.equal('http://localhost:8765/v4/smart/parse');
  });

  it('parseUrl allows http: on 127.0.0.1 and [::1], and a trailing slash', () => {
    expect(parseUrl('http://127.0.0.1:9000', 'smart')).to.equal('http://127.0.0.1:9000/v4/smart/parse');
    expect(parseUrl('http://[::1]:9000', 'cdsl')).to.equal('http://[::1]:9000/v4/cdsl/parse');
    expect(parseUrl('https://api.casparser.in/', 'nsdl')).to.equal('https://api.casparser.in/v4/nsdl/parse');
  });

  it('reuses the cached token for a second upload', async () => {
    const tokenCache = new TokenCache();
    await uploadCas(opts({ tokenCache }));
    await uploadCas(opts({ tokenCache }));
    expect(state.tokenRequests).to.equal(1);
    expect(state.parseRequests).to.equal(2);
  });

  it('concurrent uploads share one token request', async () => {
    const tokenCache = new TokenCache();
    await Promise.all([1, 2, 3].map(() => uploadCas(opts({ tokenCache }))));
    expect(state.tokenRequests).to.equal(1);
    expect(state.parseRequests).to.equal(3);
  });

  it('uses a tokenProvider instead of the token URL', async () => {
    await uploadCas(opts({ token: { provider: async () => 'at_from_provider' } }));
    expect(state.tokenRequests).to.equal(0);
    expect(state.lastParseRequest!.headers['x-api-key']).to.equal('at_from_provider');
  });
});

describe('uploadCas: checkPassword (the password checked on the device)', () => {
  it("'wrong' → invalid-password as the API's would read (code, message, not retryable), with no token request, no upload and no onStart", async () => {
    let started = 0;
    const seen: [Blob, string][] = [];
    const file = pdfFile();
    const err = await rejectionOf(
      uploadCas(opts({ file, onStart: () => void started++, checkPassword: async (f, pw) => (seen.push([f, pw]), 'wrong') })),
    );
    expect(err.code).to.equal('invalid-password');
    expect(err.message).to.equal(new CasUploadError('invalid-password').message);
    expect(err.retryable).to.equal(false);
    expect(seen).to.deep.equal([[file, PASSWORD]]);
    expect([state.tokenRequests, state.parseRequests, started]).to.deep.equal([0, 0, 0]);
  });

  for (const verdict of ['right', 'unknown'] as const) {
    it(`'${verdict}' → the upload goes on: one token request, one upload`, async () => {
      await uploadCas(opts({ checkPassword: async () => verdict }));
      expect([state.tokenRequests, state.parseRequests]).to.deep.equal([1, 1]);
    });
  }

  it('a check that rejects lets the upload go on', async () => {
    await uploadCas(opts({ checkPassword: () => Promise.reject(new Error('chunk failed to load')) }));
    expect(state.parseRequests).to.equal(1);
  });

  it('the check gets the empty string when no password was given', async () => {
    let given: string | undefined;
    await uploadCas(opts({ password: undefined, checkPassword: async (_f, pw) => ((given = pw), 'right') }));
    expect(given).to.equal('');
  });

  it('runs after the file checks: a file that is no PDF is invalid-file, unchecked', async () => {
    let calls = 0;
    const err = await rejectionOf(uploadCas(opts({ file: new File(['nope'], 'x.pdf'), checkPassword: async () => (calls++, 'wrong') })));
    expect(err.code).to.equal('invalid-file');
    expect(calls).to.equal(0);
  });

  it('cancelled while it checks → aborted, not invalid-password', async () => {
    const controller = new AbortController();
    const err = await rejectionOf(uploadCas(opts({ signal: controller.signal, checkPassword: async () => (controller.abort(), 'wrong') })));
    expect(err.code).to.equal('aborted');
  });
});

describe('uploadCas: onStart (the cancelable cas-upload-start)', () => {
  it('onStart returning false → aborted, before any network request', async () => {
    let calls = 0;
    const err = await rejectionOf(uploadCas(opts({ onStart: () => (calls++, false) })));
    expect(err.code).to.equal('aborted');
    expect(calls).to.equal(1);
    expect(state.tokenRequests).to.equal(0);
    expect(state.parseRequests).to.equal(0);
  });

  it('onStart is called once, after the file checks, and returning nothing proceeds', async () => {
    let calls = 0;
    answerParse(answer(503), ok);
    await uploadCas(opts({ onStart: () => void calls++ }));
    expect(calls).to.equal(1);
    expect(state.tokenRequests).to.equal(1);
  });

  it('onStart is not called when the file checks fail', async () => {
    let calls = 0;
    const err = await rejectionOf(uploadCas(opts({ file: new File(['nope'], 'x.pdf'), onStart: () => void calls++ })));
    expect(err.code).to.equal('invalid-file');
    expect(calls).to.equal(0);
  });
});

describe('uploadCas: refused before any network request', () => {
  async function expectNoNetwork(options: UploadOptions, code: string) {
    const err = await rejectionOf(uploadCas(options));
    expect(err.code).to.equal(code);
    expect(state.tokenRequests, 'token requests').to.equal(0);
    expect(state.parseRequests, 'parse requests').to.equal(0);
  }

  it('unknown parser → config-error', async () => {
    await expectNoNetwork(opts({ parser: 'camsx' }), 'config-error');
    await expectNoNetwork(opts({ parser: '' }), 'config-error');
    await expectNoNetwork(opts({ parser: '../v1/token' }), 'config-error');
  });

  it('http: api base that is not localhost → config-error', async () => {
    await expectNoNetwork(opts({ apiBase: 'http://api.casparser.in' }), 'config-error');
    await expectNoNetwork(opts({ apiBase: 'http://localhost.evil.example' }), 'config-error');
    await expectNoNetwork(opts({ apiBase: 'ftp://api.casparser.in' }), 'config-error');
    await expectNoNetwork(opts({ apiBase: 'not a url' }), 'config-error');
  });

  // Each would otherwise be sent on, or dropped silently: the API base is an origin and a path.
  for (const [what, apiBase] of [
    ['a user and password', 'https://user:secret@api.casparser.in'],
    ['a user alone', 'https://user@api.casparser.in'],
    ['credentials on a local http: base', 'http://user:secret@localhost:8765'],
    ['a query', 'https://api.casparser.in/?key=sk_live_x'],
    ['an empty query', 'https://api.casparser.in/?'],
    ['a query after a path', 'https://api.casparser.in/proxy?x=1'],
    ['a fragment', 'https://api.casparser.in/#frag'],
    ['an empty fragment', 'https://api.casparser.in/#'],
  ]) {
    it(`an api base with ${what} → config-error (${apiBase})`, async () => {
      expect((await rejectionOf(Promise.resolve().then(() => parseUrl(apiBase, 'smart')))).code).to.equal('config-error');
      await expectNoNetwork(opts({ apiBase }), 'config-error');
    });
  }

  it('an api base with a path and no query, fragment or credentials is taken', () => {
    expect(parseUrl('https://api.casparser.in/proxy/', 'smart')).to.equal('https://api.casparser.in/proxy/v4/smart/parse');
  });

  it('missing token source → config-error', async () => {
    await expectNoNetwork(opts({ token: undefined as unknown as UploadOptions['token'] }), 'config-error');
    await expectNoNetwork(opts({ token: { url: '' } }), 'config-error');
    await expectNoNetwork(
      opts({ token: { provider: undefined } as unknown as UploadOptions['token'] }),
      'config-error',
    );
  });

  it('a config error does not call the tokenProvider', async () => {
    let calls = 0;
    const err = await rejectionOf(
      uploadCas(opts({ parser: 'nope', token: { provider: async () => (calls++, 'at_x') } })),
    );
    expect(err.code).to.equal('config-error');
    expect(calls).to.equal(0);
  });

  it('a file that is not a PDF → invalid-file', async () => {
    await expectNoNetwork(opts({ file: new File(['hello'], 'x.pdf') }), 'invalid-file');
  });

  it('an empty file → invalid-file', async () => {
    await expectNoNetwork(opts({ file: new File([], 'x.pdf') }), 'invalid-file');
  });

  it('a file over maxSize → file-too-large', async () => {
    await expectNoNetwork(opts({ maxSize: 10 }), 'file-too-large');
  });

  it('an sk_ key from the token endpoint → token-error, no API call', async () => {
    worker.use(http.get(TOKEN_URL, () => offSpec('a secret key, not a token', HttpResponse.json({ access_token: 'sk_live_SECRET', expires_in: 3600 }))));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('token-error');
    expect(err.message).to.not.contain('sk_live_SECRET');
    expect(state.parseRequests).to.equal(0);
  });

  it('a failing token endpoint → token-error, no API call', async () => {
    worker.use(http.get(TOKEN_URL, () => offSpec('the host refuses: its own answer', HttpResponse.json({ detail: 'Not signed in' }, { status: 401 }))));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('token-error');
    expect(state.parseRequests).to.equal(0);
  });
});

describe('uploadCas: HTTP status → error code (CONTRACT section 5)', () => {
  it('400 mentioning "password" → invalid-password, with status, apiMessage and requestId', async () => {
    setScenario(state, 'wrong-password');
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('invalid-password');
    expect(err.status).to.equal(400);
    expect(err.apiMessage).to.equal('Invalid PDF file or password.');
    expect(err.requestId).to.match(/^req_/);
    expect(err.retryable).to.equal(false);
    expect(state.parseRequests).to.equal(1);
  });

  it('400 without "password" → parse-failed', async () => {
    setScenario(state, 'unreadable-pdf');
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('parse-failed');
    expect(err.status).to.equal(400);
    expect(err.apiMessage).to.equal('Unable to detect CAS type');
    expect(state.parseRequests).to.equal(1);
  });

  it('422 without "password" → parse-failed, apiMessage from a detail list', async () => {
    answerParse(offAnswer('a generic validation error (not declared)', 422, { detail: [{ loc: ['body', 'pdf_file'], msg: 'Unsupported statement layout' }] }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('parse-failed');
    expect(err.status).to.equal(422);
    expect(err.apiMessage).to.contain('Unsupported statement layout');
  });

  it('422 mentioning "password" → invalid-password', async () => {
    answerParse(offAnswer('a generic validation error (not declared)', 422, { detail: 'Password required for this statement' }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('invalid-password');
    expect(err.status).to.equal(422);
  });

  it('402 → quota-exceeded, one attempt', async () => {
    setScenario(state, 'quota-exhausted');
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('quota-exceeded');
    expect(err.status).to.equal(402);
    expect(state.parseRequests).to.equal(1);
  });

  it('413 → file-too-large, one attempt', async () => {
    const keys = answerParse(answer(413, { status: 'failed', msg: 'File too large' }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('file-too-large');
    expect(err.status).to.equal(413);
    expect(keys).to.have.length(1);
  });

  it('429 after the retries ran out → rate-limited, 1 + retries attempts', async () => {
    const keys = answerParse(answer(429, { status: 'failed', msg: 'Too many requests' }));
    const err = await rejectionOf(uploadCas(opts({ retries: 2 })));
    expect(err.code).to.equal('rate-limited');
    expect(err.status).to.equal(429);
    expect(keys).to.have.length(3);
  });

  it('429 once (Retry-After: 1) then success → resolves after waiting 1 s', async () => {
    setScenario(state, 'rate-limited');
    const out = await uploadCas(opts());
    expect(out.result).to.deep.equal(PARSE_RESPONSE);
    expect(state.parseRequests).to.equal(2);
    expect(clock.sleeps).to.deep.equal([1000]);
  });

  it('500 → server-error with exactly ONE attempt, no backoff', async () => {
    setScenario(state, 'server-error');
    const err = await rejectionOf(uploadCas(opts({ retries: 3 })));
    expect(err.code).to.equal('server-error');
    expect(err.status).to.equal(500);
    expect(err.apiMessage).to.equal('Internal server error');
    expect(state.parseRequests).to.equal(1);
    expect(clock.sleeps).to.deep.equal([]);
  });

  for (const status of [502, 503, 504]) {
    it(`${status} then 200 → resolves after one retry, same token`, async () => {
      const keys = answerParse(offAnswer('the older status "error"', status, { status: 'error', msg: 'Bad gateway' }), ok);
      const out = await uploadCas(opts());
      expect(out.result).to.deep.equal(PARSE_RESPONSE);
      expect(keys).to.deep.equal(['at_demo_1', 'at_demo_1']);
      expect(state.tokenRequests).to.equal(1);
      expect(clock.sleeps).to.have.length(1);
    });
  }

  for (const retries of [0, 1, 2, 4]) {
    it(`503 forever with retries=${retries} → server-error after ${1 + retries} attempts`, async () => {
      const keys = answerParse(offAnswer('the older status "error"', 503, { status: 'error', msg: 'Service unavailable' }));
      const err = await rejectionOf(uploadCas(opts({ retries })));
      expect(err.code).to.equal('server-error');
      expect(err.status).to.equal(503);
      expect(keys).to.have.length(1 + retries);
      expect(clock.sleeps).to.have.length(retries);
    });
  }

  it('the default is 2 retries (3 attempts)', async () => {
    const keys = answerParse(answer(502));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('server-error');
    expect(keys).to.have.length(3);
  });

  it('200 with a non-JSON body → server-error, not retried', async () => {
    const keys = answerParse(() =>
      offSpec('a proxy page', new HttpResponse('<html>gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } })),
    );
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('server-error');
    expect(keys).to.have.length(1);
  });

  it('200 with a JSON body that is not an object → server-error', async () => {
    for (const body of [[], 'ok', 42, null]) {
      worker.resetHandlers();
      answerParse(offAnswer('a 2xx that is not a JSON object', 200, body));
      const err = await rejectionOf(uploadCas(opts()));
      expect(err.code, JSON.stringify(body)).to.equal('server-error');
    }
  });

  it('200 with {"status":"failed","msg":"Invalid PDF file or password."} → invalid-password', async () => {
    answerParse(offAnswer('a 2xx that says it failed (a defensive check)', 200, { status: 'failed', msg: 'Invalid PDF file or password.' }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('invalid-password');
    expect(err.apiMessage).to.equal('Invalid PDF file or password.');
  });

  it('200 with {"status":"failed"} and another message → parse-failed', async () => {
    answerParse(offAnswer('a 2xx that says it failed (a defensive check)', 200, { status: 'failed', msg: 'Unable to detect CAS type' }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('parse-failed');
    expect(err.apiMessage).to.equal('Unable to detect CAS type');
  });
});

describe('uploadCas: 401/403 and the token refresh (CONTRACT section 3)', () => {
  it('401 then 200 → one refresh, then success (token requests = 2)', async () => {
    const keys = answerParse(offAnswer('a detail body, as some /v1 answers', 401, { detail: 'Missing API key' }), ok);
    const out = await uploadCas(opts());
    expect(out.result).to.deep.equal(PARSE_RESPONSE);
    expect(state.tokenRequests).to.equal(2);
    expect(keys).to.deep.equal(['at_demo_1', 'at_demo_2']);
  });

  it('403 (expired token scenario) → refresh → success', async () => {
    setScenario(state, 'token-expired');
    const out = await uploadCas(opts());
    expect(out.result).to.deep.equal(PARSE_RESPONSE);
    expect(state.tokenRequests).to.equal(2);
    expect(state.parseRequests).to.equal(2);
    expect(state.lastParseRequest!.headers['x-api-key']).to.equal('at_demo_2');
  });

  it('403 twice → quota-exceeded (a fresh token rules out expiry) with exactly 2 parse requests and 2 token requests', async () => {
    const keys = answerParse(answer(403, { status: 'failed', msg: 'Authentication failed: API quota exceeded or invalid API key.' }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('quota-exceeded');
    expect(err.status).to.equal(403);
    expect(err.apiMessage).to.equal('Authentication failed: API quota exceeded or invalid API key.');
    expect(err.retryable).to.equal(false);
    expect(keys).to.deep.equal(['at_demo_1', 'at_demo_2']);
    expect(state.tokenRequests).to.equal(2);
  });

  it('401 twice → auth-failed with exactly 2 parse requests and 2 token requests', async () => {
    const keys = answerParse(answer(401, { status: 'failed', msg: 'Authentication failed: invalid API key.' }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('auth-failed');
    expect(err.status).to.equal(401);
    expect(err.apiMessage).to.equal('Authentication failed: invalid API key.');
    expect(keys).to.deep.equal(['at_demo_1', 'at_demo_2']);
    expect(state.tokenRequests).to.equal(2);
  });

  it('401 then 403 → quota-exceeded, never a third attempt', async () => {
    const keys = answerParse(answer(401), answer(403), ok);
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('quota-exceeded');
    expect(keys).to.have.length(2);
  });

  it('403 then 401 → auth-failed, never a third attempt', async () => {
    const keys = answerParse(answer(403), answer(401), ok);
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.code).to.equal('auth-failed');
    expect(keys).to.have.length(2);
  });

  it('a 403, and the token endpoint answers the refresh 402 → quota-exceeded without sending the file again', async () => {
    const keys = answerParse(answer(403, { status: 'failed', msg: 'Authentication failed: API quota exceeded or invalid API key.' }), ok);
    let tokens = 0;
    const refreshes: (string | null)[] = [];
    worker.use(
      http.get(TOKEN_URL, ({ request }) => {
        refreshes.push(request.headers.get('x-cas-rejected-token'));
        return ++tokens === 1
          ? HttpResponse.json({ access_token: 'at_q_1', expires_in: 3600 })
          : HttpResponse.json({ error: 'quota-exceeded', message: 'The CAS Parser API key has no credits left.' }, { status: 402 });
      }),
    );
    const progress: ProgressDetail[] = [];
    const err = await rejectionOf(uploadCas(opts({ onProgress: (p) => progress.push(p) })));
    expect(err.code).to.equal('quota-exceeded');
    expect(err.status).to.equal(402);
    expect(err.apiMessage).to.equal('The CAS Parser API key has no credits left.');
    expect(err.retryable).to.equal(false);
    expect(keys, 'the file went once').to.deep.equal(['at_q_1']);
    expect(refreshes).to.deep.equal([null, 'at_q_1']);
  });

  it('five concurrent uploads that all get a 403 cause a single refresh', async () => {
    setScenario(state, 'token-expired');
    const tokenCache = new TokenCache();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => uploadCas(opts({ tokenCache }))));
    expect(results).to.have.length(5);
    expect(state.tokenRequests).to.equal(2);
  });
});

describe('uploadCas: backoff', () => {
  it('waits retryDelay * 2^(n-1) with no jitter (random = 0)', async () => {
    answerParse(answer(503), answer(503), answer(503), ok);
    await uploadCas(opts({ retries: 3, retryDelay: 250 }));
    expect(clock.sleeps).to.deep.equal([250, 500, 1000]);
  });

  it('defaults retryDelay to 1000 ms', async () => {
    answerParse(answer(502), answer(504), ok);
    await uploadCas(opts());
    expect(clock.sleeps).to.deep.equal([1000, 2000]);
  });

  it('adds jitter on top of the exponential delay', async () => {
    answerParse(answer(503), answer(503), ok);
    await uploadCas(opts({ retryDelay: 1000, random: () => 0.9 }));
    expect(clock.sleeps).to.have.length(2);
    const [first, second] = clock.sleeps;
    expect(first).to.be.above(1000).and.below(2000);
    expect(second).to.be.above(2000).and.below(4000);
  });

  it('honours Retry-After in seconds instead of the exponential delay', async () => {
    answerParse(answer(429, undefined, { 'Retry-After': '7' }), answer(503, undefined, { 'Retry-After': '2' }), ok);
    await uploadCas(opts({ retryDelay: 100 }));
    expect(clock.sleeps).to.deep.equal([7000, 2000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    answerParse(answer(429, undefined, { 'Retry-After': new Date(T0 + 4000).toUTCString() }), ok);
    await uploadCas(opts());
    expect(clock.sleeps).to.deep.equal([4000]);
  });

  it('an unparsable Retry-After (-1, a joined "5, 10", words) counts as absent: the exponential delay', async () => {
    for (const value of ['-1', '5, 10', 'soon']) {
      clock = new FakeClock();
      answerParse(answer(503, undefined, { 'Retry-After': value }), ok);
      await uploadCas(opts({ retryDelay: 1000 }));
      expect(clock.sleeps, value).to.deep.equal([1000]);
    }
  });

  it(`caps a long Retry-After at ${MAX_RETRY_DELAY} ms`, async () => {
    expect(MAX_RETRY_DELAY).to.equal(30_000);
    answerParse(answer(429, undefined, { 'Retry-After': '120' }), ok);
    await uploadCas(opts());
    expect(clock.sleeps).to.deep.equal([30_000]);
  });

  it('caps a long exponential delay at 30 s', async () => {
    answerParse(answer(503), answer(503), answer(503), ok);
    await uploadCas(opts({ retries: 3, retryDelay: 20_000 }));
    expect(clock.sleeps).to.deep.equal([20_000, 30_000, 30_000]);
  });

  it('no backoff before the retry after a 401/403', async () => {
    answerParse(answer(403), ok);
    await uploadCas(opts());
    expect(clock.sleeps).to.deep.equal([]);
  });
});

describe('uploadCas: result details', () => {
  it('requestId comes from X-Request-ID; durationMs is the time on the clock from the call to the answer', async () => {
    // The API takes 1234 ms on the fake clock.
    answerParse(() => ((clock.t += 1234), apiJson(PARSE_RESPONSE, { requestId: 'req_abc123' })));
    const out = await uploadCas(opts());
    expect(out.requestId).to.equal('req_abc123');
    expect(out.durationMs).to.equal(1234);
  });

  it('requestId is null when the header is absent', async () => {
    answerParse(() => HttpResponse.json(PARSE_RESPONSE));
    const out = await uploadCas(opts());
    expect(out.requestId).to.equal(null);
  });

  it('an error keeps the X-Request-ID of the answer that caused it', async () => {
    answerParse(() => apiJson({ status: 'failed', msg: 'Invalid PDF file or password.' }, { status: 400, requestId: 'req_err42' }));
    const err = await rejectionOf(uploadCas(opts()));
    expect(err.requestId).to.equal('req_err42');
  });
});

describe('uploadCas: a long-lived signal', () => {
  it('leaves no abort listener behind on the caller\'s signal, however many uploads use it', async () => {
    const controller = new AbortController();
    const { signal } = controller;
    const live = new Set<EventListenerOrEventListenerObject>();
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, o?: AddEventListenerOptions) => {
      live.add(fn);
      add(type, fn, o);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject, o?: EventListenerOptions) => {
      live.delete(fn);
      remove(type, fn, o);
    }) as typeof signal.removeEventListener;
    const cache = new TokenCache();
    for (let i = 0; i < 3; i++) await uploadCas(opts({ signal, tokenCache: cache }));
    // A failure with a retry in between: the backoff's sleep listens too.
    answerParse(answer(503), answer(200, PARSE_RESPONSE));
    await uploadCas(opts({ signal, tokenCache: cache, retryDelay: 1, clock: systemClock }));
    expect(live.size, 'listeners left on the signal').to.equal(0);
  });
});

describe('uploadCas: abort, timeout and network failures', () => {
  it('abort via signal → aborted, and the XHR is really aborted', async () => {
    setScenario(state, 'slow');
    state.slowMs = 5000;
    const xhrs: XMLHttpRequest[] = [];
    let abortCalls = 0;
    const createXhr = () => {
      const xhr = new XMLHttpRequest();
      const abort = xhr.abort.bind(xhr);
      xhr.abort = () => {
        abortCalls += 1;
        abort();
      };
      xhrs.push(xhr);
      return xhr;
    };
    const controller = new AbortController();
    const started = Date.now();
    const p = uploadCas(opts({ signal: controller.signal, createXhr }));
    await waitFor(() => state.parseRequests === 1);
    controller.abort();
    const err = await rejectionOf(p);
    expect(err.code).to.equal('aborted');
    expect(abortCalls).to.equal(1);
    expect(xhrs).to.have.length(1);
    expect(xhrs[0].readyState, 'XHR state after abort()').to.equal(XMLHttpRequest.UNSENT);
    expect(Date.now() - started).to.be.below(4000);
  });

  it('a signal aborted before the call → aborted, no request at all', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejectionOf(uploadCas(opts({ signal: controller.signal })));
    expect(err.code).to.equal('aborted');
    expect(state.parseRequests).to.equal(0);
  });

  it('abort while waiting for the token → aborted, no parse request', async () => {
    worker.use(
      http.get(TOKEN_URL, async () => {
        await delay(3000);
        return HttpResponse.json({ access_token: 'at_late', expires_in: 3600 });
      }),
    );
    const controller = new AbortController();
    const p = uploadCas(opts({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const err = await rejectionOf(p);
    expect(err.code).to.equal('aborted');
    expect(state.parseRequests).to.equal(0);
  });

  it('abort during a backoff → aborted, no further attempt', async () => {
    const stuck = new StuckClock();
    const keys = answerParse(answer(503));
    const controller = new AbortController();
    const p = uploadCas(opts({ signal: controller.signal, clock: stuck }));
    await waitFor(() => stuck.sleeps.length === 1);
    controller.abort();
    const err = await rejectionOf(p);
    expect(err.code).to.equal('aborted');
    expect(keys).to.have.length(1);
  });

  it('no answer within timeout → timeout (one attempt)', async () => {
    const keys = answerParse(async () => {
      await delay(2500);
      return apiJson(PARSE_RESPONSE);
    });
    const started = Date.now();
    const err = await rejectionOf(uploadCas(opts({ timeout: 300 })));
    expect(err.code).to.equal('timeout');
    expect(Date.now() - started).to.be.below(2000);
    expect(keys).to.have.length(1);
  });

  it('network failure, retried, then network-error after 1 + retries attempts', async () => {
    const keys = answerParse(networkError);
    const err = await rejectionOf(uploadCas(opts({ retries: 2 })));
    expect(err.code).to.equal('network-error');
    expect(err.status).to.equal(null);
    expect(keys).to.have.length(3);
    expect(clock.sleeps).to.deep.equal([1000, 2000]);
  });

  it('network failure then success → resolves', async () => {
    const keys = answerParse(networkError, ok);
    const out = await uploadCas(opts());
    expect(out.result).to.deep.equal(PARSE_RESPONSE);
    expect(keys).to.have.length(2);
  });
});

describe('uploadCas: progress', () => {
  it('through the service worker: a phase "parse" event arrives before resolution', async () => {
    const events: ProgressDetail[] = [];
    const file = pdfFile('p.pdf', 4096);
    await uploadCas(opts({ file, onProgress: (e) => events.push({ ...e }) }));
    const seenAtResolution = events.slice();
    const parse = seenAtResolution.filter((e) => e.phase === 'parse');
    expect(parse, JSON.stringify(seenAtResolution)).to.have.length.at.least(1);
    expect(parse[0].total).to.equal(file.size);
    expect(parse[0].loaded).to.equal(file.size);
  });

  it('with in-page interception: upload progress events, then one phase "parse", in order', async () => {
    /** What happened, in order: the API answered, the first "parse" event, the promise resolved. */
    const order: string[] = [];
    const network = defineNetwork({
      // As in test/mocks/in-page.ts: msw 2 types this list for HTTP and WebSocket interceptors at once.
      sources: [new InterceptorSource({ interceptors: [new XMLHttpRequestInterceptor() as Interceptor<any>] })],
      handlers: [
        http.post(PARSE_URL, async () => {
          await delay(200);
          order.push('answered');
          return apiJson(PARSE_RESPONSE);
        }),
      ],
      onUnhandledFrame: 'error',
      context: { quiet: true },
    });
    // With msw 2, the worker's interceptors and this network's share one global slot, and
    // the set applied first wins: the network is enabled before the worker starts again (the
    // worker still answers the token endpoint).
    worker.stop();
    await network.enable();
    await worker.start({ onUnhandledRequest: 'error', quiet: true });
    try {
      const events: ProgressDetail[] = [];
      const file = pdfFile('big.pdf', 512 * 1024);
      const onProgress = (e: ProgressDetail) => {
        events.push({ ...e });
        if (e.phase === 'parse' && !order.includes('parse')) order.push('parse');
      };
      const out = await uploadCas(opts({ file, onProgress }));
      order.push('resolved');
      expect(out.result).to.deep.equal(PARSE_RESPONSE);
      const seen = JSON.stringify(events.slice(0, 6));
      const uploads = events.filter((e) => e.phase === 'upload');
      expect(uploads.length, seen).to.be.at.least(1);
      const parseIndex = events.findIndex((e) => e.phase === 'parse');
      expect(parseIndex, seen).to.be.above(0);
      expect(events.slice(0, parseIndex).every((e) => e.phase === 'upload'), 'upload events come first').to.equal(true);
      // msw's XHR interceptor replays the upload events only once the handler has answered,
      // so "before the answer" is checked with the scripted XHR below; here: the "parse" event
      // comes after the answer was made and before the promise resolves.
      expect(order).to.deep.equal(['answered', 'parse', 'resolved']);
      for (let i = 1; i < uploads.length; i++) expect(uploads[i].loaded).to.be.at.least(uploads[i - 1].loaded);
      for (const e of uploads) {
        expect(e.total).to.be.above(0);
        expect(e.loaded).to.be.at.most(e.total);
      }
      expect(events.filter((e) => e.phase === 'parse')).to.have.length(1);
      expect(events[parseIndex]).to.deep.equal({ phase: 'parse', loaded: file.size, total: file.size });
    } finally {
      await network.disable();
    }
  });
});

describe('uploadCas: progress and the request, with a scripted XHR (createXhr seam)', () => {
  function scripted(extra: Partial<UploadOptions> = {}) {
    const log: string[] = [];
    const xhrs: ScriptedXhr[] = [];
    const promise = uploadCas(
      opts({
        token: { provider: async () => 'at_scripted' },
        createXhr: () => {
          const xhr = new ScriptedXhr();
          xhrs.push(xhr);
          return xhr as unknown as XMLHttpRequest;
        },
        onProgress: (e) => log.push(`${e.phase} ${e.loaded}/${e.total}`),
        ...extra,
      }),
    ).then((out) => {
      log.push('resolved');
      return out;
    });
    return { log, xhrs, promise };
  }

  it('upload progress, then "parse" as soon as the bytes are sent, before the answer arrives', async () => {
    const file = pdfFile('s.pdf', 1000);
    const { log, xhrs, promise } = scripted({ file });
    await waitFor(() => xhrs[0]?.body != null);
    const xhr = xhrs[0];
    xhr.progress(300, 1200);
    xhr.progress(1200, 1200);
    xhr.bytesSent();
    log.push('answer');
    xhr.answer(200, PARSE_RESPONSE, { 'X-Request-ID': 'req_scripted' });
    const out = await promise;
    expect(log).to.deep.equal([
      'upload 300/1200',
      'upload 1200/1200',
      `parse ${file.size}/${file.size}`,
      'answer',
      'resolved',
    ]);
    expect(out.requestId).to.equal('req_scripted');
  });

  it('timeout: a slow upload that keeps sending is not cut off; the wait for the answer is', async () => {
    const file = pdfFile('s.pdf', 1000);
    const { xhrs, promise } = scripted({ file, timeout: 400, retries: 0 });
    const settled = promise.then(
      () => 'resolved',
      (err: CasUploadError) => err.code,
    );
    await waitFor(() => xhrs[0]?.body != null);
    const xhr = xhrs[0];
    // 600 ms of upload, progress every 50 ms: longer than `timeout` in all, never idle that long.
    for (let sent = 100; sent <= 1200; sent += 100) {
      await new Promise((r) => setTimeout(r, 50));
      xhr.progress(sent, 1200);
    }
    xhr.bytesSent();
    const sentAt = performance.now();
    expect(await settled).to.equal('timeout');
    // It came `timeout` after the bytes were sent, not after the start.
    expect(performance.now() - sentAt).to.be.at.least(350);
  });

  it('timeout: one timer for the whole upload, not one per progress event', async () => {
    const { xhrs, promise } = scripted({ file: pdfFile('s.pdf', 1000), timeout: 60_000, retries: 0 });
    await waitFor(() => xhrs[0]?.body != null);
    const realSet = window.setTimeout;
    const realClear = window.clearTimeout;
    let set = 0;
    let cleared = 0;
    window.setTimeout = ((...a: Parameters<typeof setTimeout>) => (set++, realSet(...a))) as typeof setTimeout;
    window.clearTimeout = ((id?: number) => (cleared++, realClear(id))) as typeof clearTimeout;
    try {
      for (let sent = 10; sent <= 1000; sent += 10) xhrs[0].progress(sent, 1000);
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    }
    expect({ set, cleared }, 'timers set and cleared by 100 progress events').to.deep.equal({ set: 0, cleared: 0 });
    xhrs[0].bytesSent();
    xhrs[0].answer(200, PARSE_RESPONSE);
    expect((await promise).result).to.deep.equal(PARSE_RESPONSE);
  });

  it('a timeout of 2^31 ms or more does not fire at once (setTimeout overflow)', async () => {
    const { xhrs, promise } = scripted({ file: pdfFile('s.pdf', 10), timeout: 2 ** 31, retries: 0 });
    await waitFor(() => xhrs[0]?.body != null);
    await new Promise((r) => setTimeout(r, 20));
    xhrs[0].bytesSent();
    xhrs[0].answer(200, PARSE_RESPONSE);
    expect((await promise).result).to.deep.equal(PARSE_RESPONSE);
  });

  it('timeout: an upload that stalls for longer than `timeout` ends in timeout', async () => {
    const { xhrs, promise } = scripted({ file: pdfFile('s.pdf', 1000), timeout: 100, retries: 0 });
    await waitFor(() => xhrs[0]?.body != null);
    xhrs[0].progress(100, 1000);
    expect((await rejectionOf(promise)).code).to.equal('timeout');
  });

  it('when the browser fires no upload events, "parse" still arrives (once) before resolution', async () => {
    const file = pdfFile('s.pdf', 10);
    const { log, xhrs, promise } = scripted({ file });
    await waitFor(() => xhrs[0]?.body != null);
    xhrs[0].answer(200, PARSE_RESPONSE);
    await promise;
    expect(log).to.deep.equal([`parse ${file.size}/${file.size}`, 'resolved']);
  });

  it('"parse" is sent once even when the upload load event also fires', async () => {
    const { log, xhrs, promise } = scripted();
    await waitFor(() => xhrs[0]?.body != null);
    xhrs[0].bytesSent();
    xhrs[0].answer(200, PARSE_RESPONSE);
    await promise;
    expect(log.filter((l) => l.startsWith('parse'))).to.have.length(1);
  });

  it('opens POST to the parse URL with x-api-key and sends the multipart FormData', async () => {
    const file = pdfFile('form.pdf');
    const { xhrs, promise } = scripted({ file, password: 'pw' });
    await waitFor(() => xhrs[0]?.body != null);
    const xhr = xhrs[0];
    expect(xhr.method).to.equal('POST');
    expect(xhr.url).to.equal(PARSE_URL);
    expect(xhr.requestHeaders['x-api-key']).to.equal('at_scripted');
    expect(xhr.body).to.be.instanceOf(FormData);
    const sentFile = xhr.body!.get('pdf_file') as File;
    expect(sentFile.name).to.equal('form.pdf');
    expect(sentFile.size).to.equal(file.size);
    expect(xhr.body!.get('password')).to.equal('pw');
    xhr.answer(200, PARSE_RESPONSE);
    await promise;
  });

  it('abort calls xhr.abort() → aborted', async () => {
    const controller = new AbortController();
    const { xhrs, promise } = scripted({ signal: controller.signal });
    await waitFor(() => xhrs[0]?.body != null);
    let aborted = 0;
    const abort = xhrs[0].abort.bind(xhrs[0]);
    xhrs[0].abort = () => {
      aborted += 1;
      abort();
    };
    controller.abort();
    expect((await rejectionOf(promise)).code).to.equal('aborted');
    expect(aborted).to.equal(1);
  });
});

describe('uploadCas: the password and the token stay out of errors', () => {
  const cases: Array<[string, () => void, Partial<UploadOptions>]> = [
    ['invalid-password', () => setScenario(state, 'wrong-password'), {}],
    ['parse-failed', () => setScenario(state, 'unreadable-pdf'), {}],
    ['server-error', () => setScenario(state, 'server-error'), {}],
    ['quota-exceeded', () => setScenario(state, 'quota-exhausted'), {}],
    ['auth-failed', () => answerParse(answer(401)), {}],
    ['rate-limited', () => answerParse(answer(429)), {}],
    ['network-error', () => answerParse(networkError), {}],
    [
      'timeout',
      () =>
        answerParse(async () => {
          await delay(1500);
          return ok();
        }),
      { timeout: 200 },
    ],
    ['server-error', () => answerParse(() => offSpec('not JSON', new HttpResponse('not json', { status: 200 }))), {}],
  ];

  for (const [code, arrange, extra] of cases) {
    it(`${code}: message has neither the password nor the token`, async () => {
      arrange();
      const tokens: string[] = [];
      const err = await rejectionOf(
        uploadCas(
          opts({
            ...extra,
            token: { provider: async () => (tokens.push(`at_SECRET_TOKEN_${tokens.length + 1}`), tokens.at(-1)!) },
          }),
        ),
      );
      expect(err.code).to.equal(code);
      expect(tokens.length).to.be.at.least(1);
      for (const text of [err.message, String(err), err.stack ?? '', JSON.stringify(err)]) {
        expect(text).to.not.contain(PASSWORD);
        for (const t of tokens) expect(text).to.not.contain(t);
      }
    });
  }
});
