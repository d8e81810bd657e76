/**
 * msw handlers for the KFintech mailback (`POST /v4/generate`) and the mailbox import
 * (`POST /v4/inbox/connect`, `/v4/inbox/cas`, `/v4/inbox/status`, `/v4/inbox/disconnect`, and
 * parsing a found statement by URL), shared by the tests and the demo page. They answer as the
 * official specification says (paths, statuses, bodies): a wrong or revoked inbox token is 401
 * with `requires_reconnect`, and a body sent to `/v4/inbox/disconnect` (which declares none)
 * is refused with 415, as a validating server does. List them before the CDSL and upload
 * handlers: a parse of another URL falls through to those.
 *
 *   const mocks = createConnectState({ consentUrl: '/demo/mock-consent.html' });
 *   setupWorker(...createConnectHandlers(mocks), ...createCdslHandlers(cdsl), ...createHandlers(state));
 *
 * The consent page (demo/mock-consent.html) plays the provider: it sends the investor back to
 * `redirect_uri` with `inbox_token` and `state`, or `error=access_denied` and `state`.
 */
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import smartParseResponse from './smart-parse-response.json';
import { API_BASE, apiHeaders } from './handlers.js';

/** What the mocked mailback does. */
export type MailbackScenario = 'success' | 'refused' | 'rate-limited' | 'server-error';
/** Every mailback scenario, in a sensible order for a picker. */
export const MAILBACK_SCENARIOS: readonly MailbackScenario[] = ['success', 'refused', 'rate-limited', 'server-error'];

/** What the mocked mailbox does. */
export type InboxScenario =
  | 'success'
  | 'one-statement'
  | 'refused'
  | 'no-statements'
  | 'wrong-password-then-right'
  | 'connect-fails'
  | 'revoked';
/** Every inbox scenario, in a sensible order for a picker. */
export const INBOX_SCENARIOS: readonly InboxScenario[] = [
  'success',
  'one-statement',
  'refused',
  'no-statements',
  'wrong-password-then-right',
  'connect-fails',
  'revoked',
];

import { MOCK_INBOX_TOKEN } from './inbox-token.js';

export { MOCK_INBOX_TOKEN };
/** The password of the statements found in the mocked mailbox. */
export const MOCK_INBOX_PASSWORD = 'ABCDE1234F';
/** The statements the mocked mailbox holds (not in date order, as a mailbox may answer). */
export const MOCK_INBOX_FILES = [
  {
    message_id: 'm-2',
    message_date: '2025-10-05',
    cas_type: 'cdsl',
    sender_email: 'ecas@cdslstatement.com',
    filename: 'inbox/cdsl-oct.pdf',
    original_filename: 'CDSL_CAS_OCT2025.pdf',
    size: 182344,
    url: 'https://files.casparser.in/inbox/cdsl-oct.pdf',
    expires_in: 86400,
  },
  {
    message_id: 'm-1',
    message_date: '2025-11-04',
    cas_type: 'cams',
    sender_email: 'donotreply@camsonline.com',
    filename: 'inbox/cams-nov.pdf',
    original_filename: 'CAMS_CAS_NOV2025.pdf',
    size: 240120,
    url: 'https://files.casparser.in/inbox/cams-nov.pdf',
    expires_in: 86400,
  },
];

/** One request as the mock saw it: its path, `x-api-key`, `x-inbox-token`, JSON body, raw body and `keepalive`. */
export interface SeenConnectRequest {
  path: string;
  apiKey: string | null;
  inboxToken: string | null;
  body: Record<string, unknown> | null;
  /** The body as sent (`''` for none). */
  text: string;
  /** Whether the request was sent with `keepalive` (to outlive the page). */
  keepalive: boolean;
}

/** The 401 of a wrong, revoked or expired inbox token (`requires_reconnect`, as the specification declares). */
export const INBOX_REVOKED = { status: 'failed', msg: 'Email access revoked. Please reconnect.', requires_reconnect: true } as const;

/** Mutable state of the handlers. */
export interface ConnectMockState {
  mailback: MailbackScenario;
  inbox: InboxScenario;
  /** The mock consent page, relative to the page (the demo's or the tests'). */
  consentUrl: string;
  /** How long each call takes (0 in tests). */
  stepMs: number;
  requests: SeenConnectRequest[];
  /** Whether the first password of `wrong-password-then-right` was refused already. */
  passwordRefused: boolean;
}

/** A fresh state (scenarios `success`, no delays). */
export function createConnectState(init: Partial<ConnectMockState> = {}): ConnectMockState {
  return {
    mailback: 'success',
    inbox: 'success',
    consentUrl: '/demo/mock-consent.html',
    stepMs: 0,
    requests: [],
    passwordRefused: false,
    ...init,
  };
}

/** The handlers of the mailback and the mailbox import. */
export function createConnectHandlers(state: ConnectMockState, options: { apiBase?: string } = {}): HttpHandler[] {
  const base = (options.apiBase ?? API_BASE).replace(/\/+$/, '');
  let n = 0;
  const json = (body: unknown, status = 200, extra: Record<string, string> = {}) =>
    HttpResponse.json(body as never, { status, headers: apiHeaders(`req_conn_${String(++n).padStart(4, '0')}`, extra) });

  async function seen(request: Request) {
    const text = await request.clone().text();
    const body = (text ? JSON.parse(text) : null) as Record<string, unknown> | null;
    const apiKey = request.headers.get('x-api-key');
    const { pathname: path } = new URL(request.url);
    state.requests.push({ path, apiKey, inboxToken: request.headers.get('x-inbox-token'), body, text, keepalive: request.keepalive });
    await delay(state.stepMs);
    return body;
  }
  /** 401 `requires_reconnect` for an inbox token that is not the one the consent page gave, or after `revoked`. */
  const badToken = (request: Request) =>
    request.headers.get('x-inbox-token') !== MOCK_INBOX_TOKEN || state.inbox === 'revoked' ? json(INBOX_REVOKED, 401) : undefined;
  /** A body sent where the specification declares none: refused, as a validating server does. */
  const noBody = async (request: Request) =>
    (await request.clone().text()) ? json({ status: 'failed', msg: 'Unsupported Media Type: no request body expected' }, 415) : undefined;

  return [
    http.post(`${base}/v4/generate`, async ({ request }) => {
      await seen(request);
      if (state.mailback === 'refused') return json({ status: 'failed', msg: 'Invalid email or PAN' }, 400);
      if (state.mailback === 'rate-limited') return json({ status: 'failed', msg: 'Too many requests' }, 429);
      if (state.mailback === 'server-error') return json({ status: 'failed', msg: 'KFintech is not answering' }, 500);
      return json({ status: 'success', msg: 'CAS request submitted. It will be e-mailed within a few minutes.' });
    }),
    http.post(`${base}/v4/inbox/connect`, async ({ request }) => {
      const body = await seen(request);
      if (state.inbox === 'connect-fails') return json({ status: 'failed', msg: 'Invalid redirect_uri' }, 400);
      const consent = new URL(state.consentUrl, location.href);
      consent.searchParams.set('redirect_uri', String(body?.redirect_uri ?? ''));
      consent.searchParams.set('state', String(body?.state ?? ''));
      if (state.inbox === 'refused') consent.searchParams.set('answer', 'deny');
      // An unknown provider is taken as Gmail, as the API does.
      const provider = ['gmail', 'outlook', 'zoho'].includes(String(body?.provider)) ? String(body!.provider) : 'gmail';
      consent.searchParams.set('provider', provider);
      return json({ status: 'success', oauth_url: consent.href, provider });
    }),
    http.post(`${base}/v4/inbox/cas`, async ({ request }) => {
      await seen(request);
      const bad = badToken(request);
      if (bad) return bad;
      const files = state.inbox === 'no-statements' ? [] : state.inbox === 'one-statement' ? MOCK_INBOX_FILES.slice(1) : MOCK_INBOX_FILES;
      return json({ status: 'success', count: files.length, files });
    }),
    http.post(`${base}/v4/inbox/status`, async ({ request }) => {
      await seen(request);
      return (await noBody(request)) ?? badToken(request) ?? json({ valid: true, provider: 'gmail', email: 'investor@example.com' });
    }),
    http.post(`${base}/v4/inbox/disconnect`, async ({ request }) => {
      await seen(request);
      return (await noBody(request)) ?? badToken(request) ?? json({ status: 'success', msg: 'Email access revoked' });
    }),
    http.post(`${base}/v4/:parser/parse`, async ({ request }) => {
      if (!request.headers.get('content-type')?.includes('application/json')) return;
      const body = (await request.clone().json().catch(() => null)) as Record<string, unknown> | null;
      if (!String(body?.pdf_url ?? '').includes('/inbox/')) return;
      await seen(request);
      if (state.inbox === 'wrong-password-then-right' && !state.passwordRefused) {
        state.passwordRefused = true;
        return json({ status: 'failed', msg: 'Invalid PDF file or password.' }, 400);
      }
      if (body?.password !== MOCK_INBOX_PASSWORD) return json({ status: 'failed', msg: 'Invalid PDF file or password.' }, 400);
      return json(smartParseResponse);
    }),
  ];
}
