/**
 * msw handlers for forwarding addresses (API-NOTES §6.1 "forward": `POST /v4/inbound-email`
 * answered 201, `GET /v4/inbound-email/{id}/files?since=<cursor>`, `DELETE
 * /v4/inbound-email/{id}`) and parsing a forwarded statement by URL, shared by the tests and the
 * demo page. List them before the other handlers: a parse of another URL falls through to those.
 *
 *   const forward = createForwardState({ arriveAfterMs: 8000 });
 *   setupWorker(...createForwardHandlers(forward), ...createHandlers(state));
 *
 * A statement "arrives" at an address `arriveAfterMs` after it was made (by the mock's clock,
 * `now`), or when a test calls {@link deliver}.
 */
import { http, delay, type HttpHandler } from 'msw';
import smartParseResponse from './smart-parse-response.json';
import { API_BASE, apiJson } from './handlers.js';

/**
 * What the mocked forwarding does: `success` (the CAMS statement arrives), `pan-not-password`
 * (its password is not the PAN), `not-a-cas` (the parser refuses it), `expired` (the address
 * answers 404 once the statement would have arrived), `no-file` (nothing ever arrives),
 * `refused` (the address is not made: 400).
 */
export type ForwardScenario = 'success' | 'pan-not-password' | 'not-a-cas' | 'expired' | 'no-file' | 'refused';
/** Every scenario, in a sensible order for a picker. */
export const FORWARD_SCENARIOS: readonly ForwardScenario[] = ['success', 'pan-not-password', 'not-a-cas', 'expired', 'no-file', 'refused'];

/** The PAN of the mocked investor: it opens the CAMS statement. */
export const MOCK_FORWARD_PAN = 'ABCDE1234F';
/** The password of the CDSL statement (and of the CAMS one in `pan-not-password`). */
export const MOCK_FORWARD_PASSWORD = 'ECAS2025';
/** The domain of the mocked addresses. */
export const MOCK_FORWARD_DOMAIN = 'in.casparser.in';

/** A `ReceivedEmailCASFile` as the specification gives it, less `received_at` (set on arrival). */
export type MockForwardFile = {
  message_id: string;
  filename: string;
  original_filename: string;
  /** The e-mail's date: a date, `YYYY-MM-DD`. */
  message_date: string;
  cas_type: 'cdsl' | 'nsdl' | 'cams' | 'kfintech';
  sender_email: string;
  size: number;
  url: string;
  expires_in: number;
};

/** The statements the mocked investor forwards: a CAMS one (opened by the PAN) and a CDSL one. */
export const MOCK_FORWARD_FILES: readonly MockForwardFile[] = [
  {
    message_id: 'fwd-m-1',
    filename: 'forward/cams-nov.pdf',
    original_filename: 'CAMS_CAS_NOV2025.pdf',
    message_date: '2025-11-04',
    cas_type: 'cams',
    sender_email: 'donotreply@camsonline.com',
    size: 240120,
    url: 'https://files.casparser.in/forward/cams-nov.pdf',
    expires_in: 86400,
  },
  {
    message_id: 'fwd-m-2',
    filename: 'forward/cdsl-oct.pdf',
    original_filename: 'CDSL_CAS_OCT2025.pdf',
    message_date: '2025-10-05',
    cas_type: 'cdsl',
    sender_email: 'eCAS@cdslstatement.com',
    size: 182344,
    url: 'https://files.casparser.in/forward/cdsl-oct.pdf',
    expires_in: 86400,
  },
];

/** One address as the mock keeps it. */
export interface MockAddress {
  inbound_email_id: string;
  email: string;
  reference: string | null;
  allowed_sources: string[];
  created: number;
  deleted: boolean;
  /** What arrived, oldest first, each with `received_at`. */
  files: (MockForwardFile & { received_at: string })[];
}

/** One request as the mock saw it. */
export interface SeenForwardRequest {
  method: string;
  path: string;
  /** The query string (`?since=…`), or `''`. */
  search: string;
  apiKey: string | null;
  body: Record<string, unknown> | null;
  /** Whether the request was sent with `keepalive`. */
  keepalive: boolean;
}

/** Mutable state of the handlers. */
export interface ForwardMockState {
  scenario: ForwardScenario;
  /** ms after an address is made until {@link ForwardMockState.arriving} arrives there; `null`: only {@link deliver}. */
  arriveAfterMs: number | null;
  /** What arrives by itself (`arriveAfterMs`): the CAMS statement. */
  arriving: MockForwardFile[];
  /** How long each call takes (0 in tests). */
  stepMs: number;
  /** The mock's clock: arrivals and `received_at`. */
  now: () => number;
  addresses: MockAddress[];
  requests: SeenForwardRequest[];
}

/** A fresh state (scenario `success`, nothing arrives by itself, no delays). */
export function createForwardState(init: Partial<ForwardMockState> = {}): ForwardMockState {
  return {
    scenario: 'success',
    arriveAfterMs: null,
    arriving: [MOCK_FORWARD_FILES[0]],
    stepMs: 0,
    now: () => Date.now(),
    addresses: [],
    requests: [],
    ...init,
  };
}

/** Addresses made on this page so far: ids never repeat, even across fresh states. */
let made = 0;

/** `received_at` as the API writes it: a date-time with microseconds. */
let micro = 0;
const receivedAt = (ms: number) => new Date(ms).toISOString().replace(/Z$/, `${String(++micro % 1000).padStart(3, '0')}Z`);

/** A statement arrives at the address (the newest live one when none is named). */
export function deliver(state: ForwardMockState, file: MockForwardFile = MOCK_FORWARD_FILES[0], id?: string): void {
  const address = id ? state.addresses.find((a) => a.inbound_email_id === id) : state.addresses.filter((a) => !a.deleted).at(-1);
  if (!address) throw new Error('no address to deliver to');
  address.files.push({ ...file, received_at: receivedAt(state.now()) });
}

/** An address the host made (as `createInboundEmail` of `cas-upload/server` would), for `inbound-email-id`. */
export function hostAddress(state: ForwardMockState, id = 'ie_host_0001'): MockAddress {
  const address: MockAddress = {
    inbound_email_id: id,
    email: `${id.replace(/_/g, '-')}@${MOCK_FORWARD_DOMAIN}`,
    reference: 'user-42',
    allowed_sources: ['cdsl', 'nsdl', 'cams', 'kfintech'],
    created: state.now(),
    deleted: false,
    files: [],
  };
  state.addresses.push(address);
  return address;
}

/** The API's `InboundEmail` of an address. */
function inboundEmail(a: MockAddress) {
  const at = new Date(a.created).toISOString();
  return {
    inbound_email_id: a.inbound_email_id,
    email: a.email,
    reference: a.reference,
    allowed_sources: a.allowed_sources,
    callback_url: null,
    metadata: {},
    status: 'active',
    created_at: at,
    updated_at: at,
  };
}

/** The handlers of the forwarding addresses and of parsing a forwarded statement. */
export function createForwardHandlers(state: ForwardMockState, options: { apiBase?: string } = {}): HttpHandler[] {
  const base = (options.apiBase ?? API_BASE).replace(/\/+$/, '');
  let n = 0;
  const json = (body: unknown, status = 200, headers?: Record<string, string>) =>
    apiJson(body, { status, headers, requestId: `req_fwd_${String(++n).padStart(4, '0')}` });
  const failed = (msg: string, status: number) => json({ status: 'failed', msg }, status);

  /** Records the request; answers 401 without a key, else `undefined`. */
  async function seen(request: Request) {
    const url = new URL(request.url);
    const body = (await request.clone().json().catch(() => null)) as Record<string, unknown> | null;
    const apiKey = request.headers.get('x-api-key');
    state.requests.push({ method: request.method, path: url.pathname, search: url.search, apiKey, body, keepalive: request.keepalive });
    await delay(state.stepMs);
    return apiKey ? undefined : failed('Authentication failed: API key is missing.', 401);
  }
  const live = (id: unknown) => state.addresses.find((a) => a.inbound_email_id === id && !a.deleted);

  return [
    http.post(`${base}/v4/inbound-email`, async ({ request }) => {
      const refused = await seen(request);
      if (refused) return refused;
      const body = state.requests.at(-1)!.body ?? {};
      const sources = body.allowed_sources;
      if (state.scenario === 'refused' || (sources !== undefined && !(Array.isArray(sources) && sources.every((s) => ['cdsl', 'nsdl', 'cams', 'kfintech'].includes(s))))) {
        return failed('allowed_sources: only cdsl, nsdl, cams and kfintech are allowed', 400);
      }
      if (typeof body.reference === 'string' && body.reference.length > 256) return failed('reference: at most 256 characters', 400);
      const id = `ie_${String(++made).padStart(4, '0')}`;
      const address: MockAddress = {
        inbound_email_id: id,
        email: `cas-${id.slice(3)}-7f3k@${MOCK_FORWARD_DOMAIN}`,
        reference: typeof body.reference === 'string' ? body.reference : null,
        allowed_sources: Array.isArray(sources) ? (sources as string[]) : ['cdsl', 'nsdl', 'cams', 'kfintech'],
        created: state.now(),
        deleted: false,
        files: [],
      };
      state.addresses.push(address);
      return json(inboundEmail(address), 201);
    }),
    // Listed so that a call is seen (and a test can say there was none): the element never lists every address.
    http.get(`${base}/v4/inbound-email`, async ({ request }) => {
      const refused = await seen(request);
      return refused ?? json({ status: 'success', inbound_emails: state.addresses.filter((a) => !a.deleted).map(inboundEmail), count: 0 });
    }),
    http.get(`${base}/v4/inbound-email/:id/files`, async ({ request, params }) => {
      const refused = await seen(request);
      if (refused) return refused;
      const address = live(params.id);
      // `expired`: the address is gone when the statement would have arrived (at once in the tests).
      const due = state.now() - (address?.created ?? 0) >= (state.arriveAfterMs ?? 0);
      if (!address || (state.scenario === 'expired' && due)) return failed('Inbound email not found or expired', 404);
      if (
        state.scenario !== 'no-file' &&
        state.arriveAfterMs !== null &&
        !address.files.length &&
        state.now() - address.created >= state.arriveAfterMs
      ) {
        for (const file of state.arriving) deliver(state, file, address.inbound_email_id);
      }
      const since = new URL(request.url).searchParams.get('since');
      const files = address.files.filter((f) => !since || f.received_at > since);
      return json({ status: 'success', files, count: files.length, cursor: address.files.at(-1)?.received_at ?? null });
    }),
    http.delete(`${base}/v4/inbound-email/:id`, async ({ request, params }) => {
      const refused = await seen(request);
      if (refused) return refused;
      const address = live(params.id);
      if (!address) return failed('Inbound email not found', 404);
      address.deleted = true;
      return json({ status: 'success', msg: 'Inbound email deleted' });
    }),
    http.post(`${base}/v4/:parser/parse`, async ({ request }) => {
      if (!request.headers.get('content-type')?.includes('application/json')) return;
      const body = (await request.clone().json().catch(() => null)) as Record<string, unknown> | null;
      const file = MOCK_FORWARD_FILES.find((f) => f.url === body?.pdf_url);
      if (!file) return;
      const refused = await seen(request);
      if (refused) return refused;
      if (state.scenario === 'not-a-cas') return failed('Unable to detect CAS type', 400);
      const password = file.cas_type === 'cams' && state.scenario !== 'pan-not-password' ? MOCK_FORWARD_PAN : MOCK_FORWARD_PASSWORD;
      if (body?.password !== password) return failed('Invalid PDF file or password.', 400);
      return json(smartParseResponse);
    }),
  ];
}
