/**
 * The fault matrix: every fault the resilience tests inject, what the element must end with,
 * and the exact number of requests the real servers must see. `fault-matrix.test.ts` runs each
 * row; `failureTable()` renders the page docs/failures.md from the same rows, and
 * `failure-table.test.ts` fails when the page differs (regenerate it with
 * `node --import tsx scripts/failure-table.mjs`).
 *
 * Every row runs with `retries="2" retry-delay="0" timeout="2000"` unless `attrs` says otherwise.
 */
import type { ApiStep, TokenStep } from './harness.js';

/** Final events a row may end with, in order. */
export type Terminal = 'cas-upload-success' | 'cas-upload-error' | 'cas-upload-cancel';

/** What the client does during the upload. */
export type Action =
  | 'upload'
  | 'cancel-during-upload'
  | 'cancel-during-parse'
  | 'cancel-during-retry-wait'
  | 'remove-during-parse'
  | 'prevent-start'
  | 'back-to-back'
  | 'second-while-first-in-flight';

/** One row of the matrix. */
export interface Row {
  group: 'Token endpoint' | 'CAS Parser API' | 'Client' | 'Password check';
  /** The fault, as docs/failures.md names it. */
  fault: string;
  /**
   * What the user sees: "the `code` message" names the error shown (its text is in the
   * strings of the UI language); "Retry" is mentioned exactly when a Retry button is shown.
   */
  sees: string;
  token?: TokenStep[];
  api?: ApiStep[];
  /** Use a token URL where nothing listens. */
  refused?: boolean;
  attrs?: Record<string, string>;
  /** File size in bytes (default 2 KiB). */
  size?: number;
  /** A PDF of scripts/test-pdfs.mjs (encrypted by qpdf at test time) instead of the plain one. */
  file?: string;
  /** The password typed (default: a random one, wrong for every encrypted test PDF). */
  password?: string;
  action?: Action;
  /** Shown in docs/failures.md next to the requests. */
  note?: string;
  expect: {
    state: 'idle' | 'ready' | 'uploading' | 'parsing' | 'success' | 'error';
    /** Terminal events fired, in order. */
    events: Terminal[];
    /** The error code of the event and of `upload()`'s rejection; `null` when it resolves. */
    code: string | null;
    status?: number | null;
    apiMessage?: string | null;
    tokenRequests: number;
    apiRequests: number;
    /** Parse requests the client aborted, as the API server saw it. */
    apiAborted?: number;
    /** Token requests the client gave up on, as the token server saw it. */
    tokenAborted?: number;
    /** Least time the upload must take (a `Retry-After` honoured). */
    minMs?: number;
    /** The token endpoint's answer decided the outcome (so no API `X-Request-ID` comes with it). */
    byTokenEndpoint?: boolean;
  };
}

const PASSWORD_MSG = 'Invalid PDF file or password.';
const json = (status: number, body: unknown, extra: Partial<ApiStep> = {}): ApiStep => ({ status, body, ...extra });
const failed = (status: number, msg: string, extra: Partial<ApiStep> = {}) => json(status, { status: 'failed', msg }, extra);

/** Big enough that the upload is still in progress while the server reads it slowly. */
export const STALL_SIZE = 32 * 1024 * 1024;

/** Every row, in the order of docs/failures.md. */
export const rows: Row[] = [
  // ---- token endpoint -------------------------------------------------------------------------
  {
    group: 'Token endpoint',
    fault: 'answers 500',
    sees: 'the `token-error` message, Retry',
    token: [{ status: 500, body: { error: 'internal' } }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: 500, tokenRequests: 1, apiRequests: 0 },
  },
  {
    group: 'Token endpoint',
    fault: 'answers 404',
    sees: 'the `token-error` message, Retry',
    token: [{ status: 404, body: { detail: 'Not Found' } }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: 404, tokenRequests: 1, apiRequests: 0 },
  },
  {
    group: 'Token endpoint',
    fault: 'answers 200 with an HTML page (a login redirect)',
    sees: 'the `token-error` message, Retry',
    token: [{ status: 200, body: '<!doctype html><html><body>Please sign in</body></html>', offSpec: 'a login page' }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: null, tokenRequests: 1, apiRequests: 0 },
  },
  {
    group: 'Token endpoint',
    fault: 'answers JSON without `access_token`',
    sees: 'the `token-error` message, Retry',
    token: [{ status: 200, body: { token_type: 'api_key', expires_in: 3600 }, offSpec: 'no access_token' }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: null, tokenRequests: 1, apiRequests: 0 },
  },
  {
    group: 'Token endpoint',
    fault: 'answers a secret key `sk_live_…`',
    sees: 'the `token-error` message, Retry',
    note: 'the key never reaches the API',
    token: [{ status: 200, body: { access_token: 'sk_live_51HxSecretKeyThatMustNotLeak', expires_in: 3600 }, offSpec: 'a secret key' }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: null, tokenRequests: 1, apiRequests: 0 },
  },
  {
    group: 'Token endpoint',
    fault: 'hangs past `timeout` (300 ms)',
    sees: 'the `token-error` message, Retry',
    token: [{ hang: true }],
    attrs: { timeout: '300' },
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: null, tokenRequests: 1, tokenAborted: 1, apiRequests: 0 },
  },
  {
    group: 'Token endpoint',
    fault: 'answers 503 `store-unavailable` (`cas-upload/server` whose store did not answer in time)',
    sees: 'the `token-error` message, Retry',
    token: [{ status: 503, body: { error: 'store-unavailable', message: 'The token store did not answer within 10000 ms; try again shortly.' } }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: 503, tokenRequests: 1, apiRequests: 0 },
  },
  {
    group: 'Token endpoint',
    fault: 'connection refused',
    sees: 'the `token-error` message, Retry',
    refused: true,
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: null, tokenRequests: 0, apiRequests: 0 },
  },

  // ---- the CAS Parser API ----------------------------------------------------------------------
  {
    group: 'CAS Parser API',
    fault: `400 "${PASSWORD_MSG}"`,
    sees: 'the `invalid-password` message',
    api: [failed(400, PASSWORD_MSG)],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'invalid-password', status: 400, apiMessage: PASSWORD_MSG, tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: '400 "Unable to detect CAS type"',
    sees: 'the `parse-failed` message',
    api: [failed(400, 'Unable to detect CAS type')],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'parse-failed', status: 400, apiMessage: 'Unable to detect CAS type', tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: '401 once, then 200',
    sees: 'the statement summary',
    note: 'one token refresh',
    api: [failed(401, 'Authentication failed: API key is missing.'), {}],
    expect: { state: 'success', events: ['cas-upload-success'], code: null, tokenRequests: 2, apiRequests: 2 },
  },
  {
    group: 'CAS Parser API',
    fault: '403 once, then 200',
    sees: 'the statement summary',
    note: 'one token refresh',
    api: [failed(403, 'Authentication failed: API quota exceeded or invalid API key.'), {}],
    expect: { state: 'success', events: ['cas-upload-success'], code: null, tokenRequests: 2, apiRequests: 2 },
  },
  {
    group: 'CAS Parser API',
    fault: '401, and the token endpoint answers 500 to the refresh',
    sees: 'the `token-error` message, Retry',
    token: [{}, { status: 500, body: { error: 'internal' } }],
    api: [failed(401, 'Authentication failed: API key is missing.'), {}],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'token-error', status: 500, tokenRequests: 2, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: '403, and the token endpoint answers 402 `quota-exceeded` to the refresh (`cas-upload/server`: no credits left)',
    sees: 'the `quota-exceeded` message',
    note: 'the file is not sent again',
    token: [{}, { status: 402, body: { error: 'quota-exceeded', message: 'The CAS Parser API key has no credits left.' } }],
    api: [failed(403, 'Authentication failed: API quota exceeded or invalid API key.'), {}],
    expect: {
      state: 'error',
      events: ['cas-upload-error'],
      code: 'quota-exceeded',
      status: 402,
      apiMessage: 'The CAS Parser API key has no credits left.',
      tokenRequests: 2,
      apiRequests: 1,
      byTokenEndpoint: true,
    },
  },
  {
    group: 'CAS Parser API',
    fault: '403 twice',
    sees: 'the `quota-exceeded` message',
    note: 'never a third attempt; a fresh token rules out expiry, the other cause of a 403',
    api: [failed(403, 'Authentication failed: API quota exceeded or invalid API key.')],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'quota-exceeded', status: 403, tokenRequests: 2, apiRequests: 2 },
  },
  {
    group: 'CAS Parser API',
    fault: '401 twice',
    sees: 'the `auth-failed` message',
    note: 'never a third attempt',
    api: [failed(401, 'Authentication failed: API key is missing.')],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'auth-failed', status: 401, tokenRequests: 2, apiRequests: 2 },
  },
  {
    group: 'CAS Parser API',
    fault: '402',
    sees: 'the `quota-exceeded` message',
    api: [failed(402, 'Insufficient credits.')],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'quota-exceeded', status: 402, apiMessage: 'Insufficient credits.', tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: '413 (an HTML page from a proxy)',
    sees: 'the `file-too-large` message',
    api: [json(413, '<html><body><h1>413 Request Entity Too Large</h1></body></html>', { offSpec: "a proxy's page" })],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'file-too-large', status: 413, apiMessage: null, tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: '422 `{"detail": [{"msg": "field required"}]}`',
    sees: 'the `parse-failed` message',
    api: [json(422, { detail: [{ loc: ['body', 'pdf_file'], msg: 'field required', type: 'missing' }] }, { offSpec: 'a generic validation error (not declared)' })],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'parse-failed', status: 422, apiMessage: 'field required', tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: '429 with `Retry-After: 1`, then 200',
    sees: 'the statement summary, about 1 s later',
    note: '`Retry-After` honoured over `retry-delay`',
    api: [failed(429, 'Rate limit exceeded.', { headers: { 'retry-after': '1' } }), {}],
    expect: { state: 'success', events: ['cas-upload-success'], code: null, tokenRequests: 1, apiRequests: 2, minMs: 950 },
  },
  {
    group: 'CAS Parser API',
    fault: '429 on every attempt',
    sees: 'the `rate-limited` message, Retry',
    note: '1 + `retries` attempts',
    api: [failed(429, 'Rate limit exceeded.')],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'rate-limited', status: 429, tokenRequests: 1, apiRequests: 3 },
  },
  {
    group: 'CAS Parser API',
    fault: '500',
    sees: 'the `server-error` message, Retry',
    note: 'exactly one attempt: the parser\'s own verdict',
    api: [failed(500, 'Internal server error'), {}],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'server-error', status: 500, tokenRequests: 1, apiRequests: 1 },
  },
  ...[502, 503, 504].map(
    (status): Row => ({
      group: 'CAS Parser API',
      fault: `${status} once, then 200`,
      sees: 'the statement summary',
      api: [json(status, '<html><body>Gateway error</body></html>', { offSpec: "a proxy's page" }), {}],
      expect: { state: 'success', events: ['cas-upload-success'], code: null, tokenRequests: 1, apiRequests: 2 },
    }),
  ),
  {
    group: 'CAS Parser API',
    fault: '503 on every attempt',
    sees: 'the `server-error` message, Retry',
    note: '1 + `retries` attempts',
    api: [failed(503, 'Service unavailable')],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'server-error', status: 503, tokenRequests: 1, apiRequests: 3 },
  },
  {
    group: 'CAS Parser API',
    fault: '200 with a body that is not JSON',
    sees: 'the `server-error` message, Retry',
    api: [json(200, '<html><body>OK</body></html>', { offSpec: 'not JSON' })],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'server-error', status: 200, tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: `200 with \`{"status": "failed", "msg": "${PASSWORD_MSG}"}\``,
    sees: 'the `invalid-password` message',
    api: [json(200, { status: 'failed', msg: PASSWORD_MSG }, { offSpec: 'a 2xx that says it failed (a defensive check)' })],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'invalid-password', status: 200, apiMessage: PASSWORD_MSG, tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'CAS Parser API',
    fault: 'connection dropped mid-upload, once, then 200',
    sees: 'the statement summary',
    size: 1024 * 1024,
    api: [{ drop: true }, {}],
    expect: { state: 'success', events: ['cas-upload-success'], code: null, tokenRequests: 1, apiRequests: 2 },
  },
  {
    group: 'CAS Parser API',
    fault: 'connection dropped mid-upload, every attempt',
    sees: 'the `network-error` message, Retry',
    note: '1 + `retries` attempts',
    size: 1024 * 1024,
    api: [{ drop: true }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'network-error', status: null, tokenRequests: 1, apiRequests: 3 },
  },
  {
    group: 'CAS Parser API',
    fault: 'answers slower than `timeout` (1 s)',
    sees: 'the `timeout` message, Retry',
    note: 'a timeout is not retried',
    // Long enough for the request to reach the server on a loaded machine (at 300 ms it sometimes
    // timed out before, and nothing was aborted there), far below the server's delay.
    attrs: { timeout: '1000' },
    api: [{ delayMs: 4000 }],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'timeout', status: null, tokenRequests: 1, apiRequests: 1, apiAborted: 1 },
  },

  // ---- the client ------------------------------------------------------------------------------
  {
    group: 'Client',
    fault: '`cancel()` during the upload',
    sees: 'the form again, file kept (`ready`)',
    action: 'cancel-during-upload',
    size: STALL_SIZE,
    attrs: { 'max-size': String(2 * STALL_SIZE) },
    api: [{ stall: true }],
    expect: { state: 'ready', events: ['cas-upload-cancel'], code: 'aborted', tokenRequests: 1, apiRequests: 1, apiAborted: 1 },
  },
  {
    group: 'Client',
    fault: '`cancel()` while the API parses',
    sees: 'the form again, file kept (`ready`)',
    action: 'cancel-during-parse',
    api: [{ hang: true }],
    expect: { state: 'ready', events: ['cas-upload-cancel'], code: 'aborted', tokenRequests: 1, apiRequests: 1, apiAborted: 1 },
  },
  {
    group: 'Client',
    fault: '`cancel()` while waiting to retry a 503 (`retry-delay="300"`)',
    sees: 'the form again, file kept (`ready`)',
    note: 'no retry is sent',
    action: 'cancel-during-retry-wait',
    attrs: { 'retry-delay': '300' },
    api: [json(503, '<html><body>Service unavailable</body></html>', { offSpec: "a proxy's page" }), {}],
    expect: { state: 'ready', events: ['cas-upload-cancel'], code: 'aborted', tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'Client',
    fault: 'the element is removed from the page mid-upload',
    sees: 'nothing (the element is gone); nothing throws',
    action: 'remove-during-parse',
    api: [{ hang: true }],
    expect: { state: 'ready', events: [], code: 'aborted', tokenRequests: 1, apiRequests: 1, apiAborted: 1 },
  },
  {
    group: 'Client',
    fault: '`cas-upload-start` prevented',
    sees: 'the form, unchanged (`ready`)',
    action: 'prevent-start',
    expect: { state: 'ready', events: [], code: 'aborted', tokenRequests: 0, apiRequests: 0 },
  },
  {
    group: 'Client',
    fault: 'two `upload()` calls back to back',
    sees: 'the summary of the second upload',
    note: 'the second replaces the first, whose promise rejects `aborted` before any request (it never started, so no cancel event)',
    action: 'back-to-back',
    expect: { state: 'success', events: ['cas-upload-success'], code: null, tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'Client',
    fault: 'a second `upload()` while the first is at the API',
    sees: 'the summary of the second upload; the first answer never shows',
    note: 'the first one is aborted',
    action: 'second-while-first-in-flight',
    api: [{ hang: true }, {}],
    expect: { state: 'success', events: ['cas-upload-cancel', 'cas-upload-success'], code: null, tokenRequests: 1, apiRequests: 2, apiAborted: 1 },
  },
  // ---- the password, checked in the browser before any request (contract §19) ----------------
  {
    group: 'Password check',
    fault: 'an encrypted PDF (AES-256, revision 6) and a wrong password',
    sees: 'the `invalid-password` message',
    note: 'checked in the browser, nothing sent',
    file: 'r6',
    expect: { state: 'error', events: ['cas-upload-error'], code: 'invalid-password', status: null, apiMessage: null, tokenRequests: 0, apiRequests: 0 },
  },
  {
    group: 'Password check',
    fault: 'an encrypted PDF (RC4 128-bit) and its owner password',
    sees: 'the statement summary',
    file: 'r3',
    password: 'owner-Secret-9',
    expect: { state: 'success', events: ['cas-upload-success'], code: null, tokenRequests: 1, apiRequests: 1 },
  },
  {
    group: 'Password check',
    fault: 'an encryption the check does not know (another `/Filter`) and a wrong password',
    sees: 'the `invalid-password` message',
    note: 'the check cannot tell: the API judges',
    file: 'unknown-filter',
    api: [failed(400, PASSWORD_MSG)],
    expect: { state: 'error', events: ['cas-upload-error'], code: 'invalid-password', status: 400, apiMessage: PASSWORD_MSG, tokenRequests: 1, apiRequests: 1 },
  },
];

const plural = (n: number, word: string) => `${n} ${word}`;

/** The "Event / code" cell of a row. */
function eventCell(row: Row): string {
  const { events, code } = row.expect;
  const parts = events.map((e) => (e === 'cas-upload-error' ? `\`${e}\` \`${code}\`` : `\`${e}\``));
  if (code === 'aborted') parts.push('`upload()` rejects `aborted`');
  return parts.join(', ') || '(none)';
}

/** The "Requests" cell of a row. */
function requestsCell(row: Row): string {
  const e = row.expect;
  const parts = [`${plural(e.tokenRequests, 'token')}, ${plural(e.apiRequests, 'API')}`];
  if (e.tokenAborted) parts.push('the token request is aborted');
  if (e.apiAborted) parts.push(e.apiAborted === 1 ? 'the API request is aborted' : `${e.apiAborted} API requests are aborted`);
  if (row.note) parts.push(row.note);
  return parts.join('; ');
}

/** The table of docs/failures.md, with its preamble (between its markers). */
export function failureTable(): string {
  const lines = [
    `Every row is a test (\`test/resilience/fault-matrix.test.ts\`) against real local HTTP servers: a`,
    `token endpoint on the page's origin and a fake CAS Parser API on a second origin, which count`,
    `the requests they receive. Settings: \`retries="2" retry-delay="0" timeout="2000"\` unless`,
    `the row says otherwise. After every row, no event detail, attribute, console message, error`,
    `message, storage or cookie holds the password or the token, and nothing went uncaught.`,
    `"The \`code\` message" is that code's sentence in the UI language (see [Error codes](api.md#error-codes)).`,
    '',
    '| source | fault | what the user sees | event / code | requests made |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(`| ${row.group} | ${row.fault} | ${row.sees} | ${eventCell(row)} | ${requestsCell(row)} |`);
  }
  lines.push(
    '',
    'A new `upload()` on an element that is busy cancels the upload in flight: `cas-upload-cancel`',
    "fires for it, its promise rejects with `aborted`, its request is aborted, and its answer can",
    'never replace the newer one. Requests that another element on the page is making are not',
    'affected. Any number of elements share one token request, and one refresh after a 401/403.',
    '',
    'The password check rows upload PDFs that qpdf encrypts at test time (`scripts/test-pdfs.mjs`).',
    '',
    `${rows.length} rows.`,
  );
  return lines.join('\n');
}

/** Markers around the generated section in docs/failures.md. */
export const MARKERS = ['<!-- failure-table:start -->', '<!-- failure-table:end -->'] as const;
