/**
 * msw handlers for the CAS Parser API and the host's token endpoint, shared by the tests and
 * the demo page. No side effects: nothing starts here; callers pass the handlers to
 * `setupWorker(...)` (browser) themselves. Only `msw` is imported, so the demo can use it.
 *
 *   const state = createMockState();
 *   const worker = setupWorker(...createHandlers(state));
 *   setScenario(state, 'wrong-password');
 */
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import smartParseResponse from './smart-parse-response.json';

/** The host backend endpoint that mints access tokens (mocked). */
export const TOKEN_URL = '/api/casparser/token';
/** The CAS Parser API origin (mocked). */
export const API_BASE = 'https://api.casparser.in';
/** A 200 body of `POST /v4/smart/parse`, in the API's exact schema. */
export const PARSE_RESPONSE = smartParseResponse;

/** What the mocked API does with the next parse requests. */
export type Scenario =
  | 'success'
  | 'wrong-password'
  | 'unreadable-pdf'
  | 'token-expired'
  | 'quota-exhausted'
  | 'rate-limited'
  | 'server-error'
  | 'slow';

/** Every scenario, in a sensible order for a picker. */
export const SCENARIOS: readonly Scenario[] = [
  'success',
  'wrong-password',
  'unreadable-pdf',
  'token-expired',
  'quota-exhausted',
  'rate-limited',
  'server-error',
  'slow',
];

/** The API's error bodies used by the scenarios. */
export const ERROR_BODIES = {
  wrongPassword: { status: 'failed', msg: 'Invalid PDF file or password.' },
  unreadablePdf: { status: 'failed', msg: 'Unable to detect CAS type' },
  authFailed: {
    status: 'failed',
    msg: 'Authentication failed: API quota exceeded or invalid API key. Please check your API key or quota limits.',
  },
  quotaExhausted: { status: 'failed', msg: 'Insufficient credits. Please top up your account.' },
  rateLimited: { status: 'failed', msg: 'Rate limit exceeded. Please retry later.' },
  serverError: { status: 'failed', msg: 'Internal server error' },
} as const;

/** A multipart field as the mocked API received it: text, or a file's name, size and type. */
export type ReceivedField = string | { name: string; size: number; type: string };

/** The last parse request, for assertions. Header names are lower case. */
export interface ReceivedParseRequest {
  url: string;
  method: string;
  parser: string;
  headers: Record<string, string>;
  fields: Record<string, ReceivedField>;
}

/** The last token request, for assertions. Header names are lower case. */
export interface ReceivedTokenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  credentials: RequestCredentials;
}

/** Mutable state shared by the handlers: the scenario, counters and the last requests. */
export interface MockState {
  scenario: Scenario;
  /** How long the `slow` scenario waits before answering, in ms. */
  slowMs: number;
  /** Token requests received (GET and POST). */
  tokenRequests: number;
  /** Parse requests received (all parsers). */
  parseRequests: number;
  lastParseRequest: ReceivedParseRequest | null;
  lastTokenRequest: ReceivedTokenRequest | null;
  /** `token-expired`: the token that the API treats as expired (the first one it saw). */
  expiredToken: string | null;
  /** `rate-limited`: whether the one 429 was already sent. */
  rateLimitSent: boolean;
  /** Responses sent, used for `X-Request-ID`. */
  responses: number;
}

/** A fresh state (scenario `success`, counters at zero). */
export function createMockState(init: Partial<MockState> = {}): MockState {
  return {
    scenario: 'success',
    slowMs: 5000,
    tokenRequests: 0,
    parseRequests: 0,
    lastParseRequest: null,
    lastTokenRequest: null,
    expiredToken: null,
    rateLimitSent: false,
    responses: 0,
    ...init,
  };
}

/** Puts `state` back to a fresh state in place (handlers keep their reference). */
export function resetMockState(state: MockState): void {
  Object.assign(state, createMockState());
}

/** Switches the scenario and re-arms its one-time behaviour (the expired token, the one 429). */
export function setScenario(state: MockState, scenario: Scenario): void {
  state.scenario = scenario;
  state.expiredToken = null;
  state.rateLimitSent = false;
}

/** A random `req_…` id like the API's `X-Request-ID`. */
export function newRequestId(): string {
  return `req_${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Headers of every mocked API response: `X-Request-ID`, and CORS headers that let the page
 * read `X-Request-ID` and `Retry-After` from a cross-origin answer.
 */
export function apiHeaders(requestId: string = newRequestId(), extra: Record<string, string> = {}): Record<string, string> {
  return {
    'X-Request-ID': requestId,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'X-Request-ID, Retry-After',
    ...extra,
  };
}

/** A JSON answer as the API sends it (with `X-Request-ID`), for one-off handlers. */
export function apiJson(
  body: unknown,
  init: { status?: number; headers?: Record<string, string>; requestId?: string } = {},
): HttpResponse<any> {
  return HttpResponse.json(body as never, {
    status: init.status ?? 200,
    headers: apiHeaders(init.requestId, init.headers),
  });
}

/** Where the handlers listen; defaults to {@link TOKEN_URL} and {@link API_BASE}. */
export interface HandlerOptions {
  tokenUrl?: string;
  apiBase?: string;
}

/**
 * The handlers: `GET`/`POST` on the token URL, `POST {apiBase}/v4/:parser/parse`, and CORS
 * preflights on the API. Every API response carries `X-Request-ID: req_…`.
 */
export function createHandlers(state: MockState = createMockState(), options: HandlerOptions = {}): HttpHandler[] {
  const tokenUrl = options.tokenUrl ?? TOKEN_URL;
  const apiBase = (options.apiBase ?? API_BASE).replace(/\/+$/, '');

  const headersFor = (extra: Record<string, string> = {}) =>
    apiHeaders(`req_mock_${String(++state.responses).padStart(4, '0')}`, extra);
  const json = (body: unknown, status = 200, extra: Record<string, string> = {}) =>
    HttpResponse.json(body as never, { status, headers: headersFor(extra) });

  const token = async ({ request }: { request: Request }) => {
    const n = ++state.tokenRequests;
    state.lastTokenRequest = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      credentials: request.credentials,
    };
    return json({ access_token: `at_demo_${n}`, token_type: 'api_key', expires_in: 3600 });
  };

  const parse = async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
    state.parseRequests += 1;
    const headers = Object.fromEntries(request.headers);
    const fields: Record<string, ReceivedField> = {};
    try {
      const form = await request.formData();
      form.forEach((value, key) => {
        fields[key] = typeof value === 'string' ? value : { name: value.name, size: value.size, type: value.type };
      });
    } catch {
      /* not multipart: leave fields empty, the assertions will say so */
    }
    state.lastParseRequest = {
      url: request.url,
      method: request.method,
      parser: String(params.parser),
      headers,
      fields,
    };

    const apiKey = request.headers.get('x-api-key');
    if (!apiKey) return json({ status: 'failed', msg: 'Missing API key.' }, 401);

    switch (state.scenario) {
      case 'wrong-password':
        return json(ERROR_BODIES.wrongPassword, 400);
      case 'unreadable-pdf':
        return json(ERROR_BODIES.unreadablePdf, 400);
      case 'token-expired':
        state.expiredToken ??= apiKey;
        if (apiKey === state.expiredToken) return json(ERROR_BODIES.authFailed, 403);
        break;
      case 'quota-exhausted':
        return json(ERROR_BODIES.quotaExhausted, 402);
      case 'rate-limited':
        if (!state.rateLimitSent) {
          state.rateLimitSent = true;
          return json(ERROR_BODIES.rateLimited, 429, { 'Retry-After': '1' });
        }
        break;
      case 'server-error':
        return json(ERROR_BODIES.serverError, 500);
      case 'slow':
        await delay(state.slowMs);
        break;
      case 'success':
        break;
    }
    return json(smartParseResponse);
  };

  const preflight = () =>
    new HttpResponse(null, {
      status: 204,
      headers: headersFor({
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'x-api-key, accept, content-type',
      }),
    });

  return [
    http.get(tokenUrl, token),
    http.post(tokenUrl, token),
    http.post(`${apiBase}/v4/:parser/parse`, parse),
    http.options(`${apiBase}/v4/:parser/parse`, preflight),
  ];
}
