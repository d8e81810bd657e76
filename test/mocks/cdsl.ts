/**
 * msw handlers for the CDSL OTP fetch (`POST /v4/cdsl/fetch`, `POST /v4/cdsl/fetch/{id}/verify`)
 * and parsing by URL (`POST /v4/smart/parse` with a JSON body), shared by the tests and the demo
 * page. List them before `createHandlers(...)`: a multipart parse falls through to those.
 *
 *   const cdsl = createCdslState({ scenario: 'pan-not-password' });
 *   setupWorker(...createCdslHandlers(cdsl), ...createHandlers(state));
 */
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import smartParseResponse from './smart-parse-response.json';
import { API_BASE, apiHeaders } from './handlers.js';

/** What the mocked CDSL fetch does. */
export type CdslScenario =
  | 'success'
  | 'wrong-details'
  | 'captcha-failed'
  | 'wrong-otp-then-right'
  | 'session-expired'
  | 'no-statements'
  | 'pan-not-password';

/** Every scenario, in a sensible order for a picker. */
export const CDSL_SCENARIOS: readonly CdslScenario[] = [
  'success',
  'wrong-details',
  'captcha-failed',
  'wrong-otp-then-right',
  'session-expired',
  'no-statements',
  'pan-not-password',
];

/** The OTP the mocked CDSL sends (any other is wrong). */
export const MOCK_OTP = '123456';
/** The statement's password in `pan-not-password` (the PAN is refused). */
export const MOCK_STATEMENT_PASSWORD = 'CDSL2025';
/** The files a successful verify returns, newest first (as in the API's examples). */
export const MOCK_FILES = [
  { filename: 'CDSL_CAS_1208160000000001_NOV2025.pdf', url: 'https://files.casparser.in/cdsl/nov2025.pdf' },
  { filename: 'CDSL_CAS_1208160000000001_OCT2025.pdf', url: 'https://files.casparser.in/cdsl/oct2025.pdf' },
];

/** The API's answers used by the scenarios. */
export const CDSL_BODIES = {
  wrongDetails: { status: 'failed', msg: 'Invalid PAN or BO ID' },
  captcha: { status: 'failed', msg: 'CAPTCHA failed' },
  wrongOtp: { status: 'failed', msg: 'Invalid OTP' },
  /** The verify of an unknown or ended session: 404, as the specification declares. */
  expired: { status: 'failed', msg: 'Session not found or expired' },
  wrongPassword: { status: 'failed', msg: 'Invalid PDF file or password.' },
  authFailed: { status: 'failed', msg: 'Authentication failed: API quota exceeded or invalid API key.' },
} as const;

/** One request as the mock saw it: its path, `x-api-key` and JSON body. */
export interface SeenCdslRequest {
  path: string;
  apiKey: string | null;
  body: Record<string, unknown> | null;
}

/** Mutable state of the handlers. */
export interface CdslMockState {
  scenario: CdslScenario;
  /** How long `POST /v4/cdsl/fetch` takes (the API solves CDSL's captcha: 15-20 s; 0 in tests). */
  fetchMs: number;
  /** How long verify and parse take. */
  stepMs: number;
  /** Answer 403 to the first token seen on this call (the token refresh of every call). */
  rejectFirstToken: 'fetch' | 'verify' | 'parse' | null;
  /** Every request, in order. */
  requests: SeenCdslRequest[];
  /** Sessions issued. */
  sessions: string[];
  /** Whether the first OTP of `wrong-otp-then-right` was refused already. */
  otpRefused: boolean;
  /** Tokens refused by `rejectFirstToken`. */
  rejected: string[];
}

/** A fresh state (scenario `success`, no delays). */
export function createCdslState(init: Partial<CdslMockState> = {}): CdslMockState {
  return {
    scenario: 'success',
    fetchMs: 0,
    stepMs: 0,
    rejectFirstToken: null,
    requests: [],
    sessions: [],
    otpRefused: false,
    rejected: [],
    ...init,
  };
}

/** The handlers of the CDSL fetch and of parsing by URL. */
export function createCdslHandlers(state: CdslMockState, options: { apiBase?: string } = {}): HttpHandler[] {
  const base = (options.apiBase ?? API_BASE).replace(/\/+$/, '');
  let n = 0;
  const json = (body: unknown, status = 200) =>
    HttpResponse.json(body as never, { status, headers: apiHeaders(`req_cdsl_${String(++n).padStart(4, '0')}`) });

  /** Records the request; answers 401/403 for a missing or rejected key, else `undefined`. */
  async function seen(request: Request, call: 'fetch' | 'verify' | 'parse') {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    const apiKey = request.headers.get('x-api-key');
    state.requests.push({ path: new URL(request.url).pathname, apiKey, body });
    if (!apiKey) return json({ status: 'failed', msg: 'Missing API key.' }, 401);
    if (state.rejectFirstToken === call && (state.rejected.length === 0 || state.rejected.includes(apiKey))) {
      if (!state.rejected.includes(apiKey)) state.rejected.push(apiKey);
      if (state.rejected[0] === apiKey) return json(CDSL_BODIES.authFailed, 403);
    }
    return body;
  }

  return [
    http.post(`${base}/v4/cdsl/fetch`, async ({ request }) => {
      const body = await seen(request, 'fetch');
      if (body instanceof Response) return body;
      await delay(state.fetchMs);
      if (state.scenario === 'wrong-details') return json(CDSL_BODIES.wrongDetails, 400);
      if (state.scenario === 'captcha-failed') return json(CDSL_BODIES.captcha, 400);
      const id = `5f0c${String(state.sessions.length + 1).padStart(4, '0')}-8a1e-4c1b-9b7e-1d2c3b4a5f6e`;
      state.sessions.push(id);
      return json({ status: 'success', session_id: id, msg: 'OTP sent to registered mobile' });
    }),
    http.post(`${base}/v4/cdsl/fetch/:session/verify`, async ({ request, params }) => {
      const body = await seen(request, 'verify');
      if (body instanceof Response) return body;
      await delay(state.stepMs);
      if (!state.sessions.includes(String(params.session)) || state.scenario === 'session-expired') {
        return json(CDSL_BODIES.expired, 404);
      }
      if (state.scenario === 'wrong-otp-then-right' && !state.otpRefused) {
        state.otpRefused = true;
        return json(CDSL_BODIES.wrongOtp, 400);
      }
      if (body?.otp !== MOCK_OTP) return json(CDSL_BODIES.wrongOtp, 400);
      if (state.scenario === 'no-statements') return json({ status: 'success', msg: 'Fetched 0 CAS files', files: [] });
      const files = MOCK_FILES.slice(0, Math.max(1, Number(body?.num_periods) || 1));
      return json({ status: 'success', msg: `Fetched ${files.length} CAS files`, files });
    }),
    http.post(`${base}/v4/:parser/parse`, async ({ request }) => {
      // Multipart uploads are the other handlers' (test/mocks/handlers.ts).
      if (!request.headers.get('content-type')?.includes('application/json')) return;
      const body = await seen(request, 'parse');
      if (body instanceof Response) return body;
      await delay(state.stepMs);
      const pan = (state.requests.find((r) => r.path.endsWith('/cdsl/fetch'))?.body?.pan as string) ?? '';
      if (state.scenario === 'pan-not-password' && body?.password !== MOCK_STATEMENT_PASSWORD) {
        return json(CDSL_BODIES.wrongPassword, 400);
      }
      if (state.scenario !== 'pan-not-password' && body?.password !== pan) return json(CDSL_BODIES.wrongPassword, 400);
      return json(smartParseResponse);
    }),
  ];
}
