/**
 * Forwarding addresses made on the host's server (`POST /v4/inbound-email` and
 * `DELETE /v4/inbound-email/{id}` with the API key), for hosts that keep one address per
 * user and hand `<cas-forward>` only its id (attribute `inbound-email-id`).
 * @module
 */
import { DEFAULT_API_BASE, REQUEST_ID, endpoint } from './endpoint.js';

/** Who may send to an address: the issuers of CAS statements. */
export type InboundEmailSource = 'cdsl' | 'nsdl' | 'cams' | 'kfintech';

const SOURCES: readonly InboundEmailSource[] = ['cdsl', 'nsdl', 'cams', 'kfintech'];

/** What both helpers need: the key, and where and how to reach the API. */
export interface InboundEmailOptions {
  /** The secret CAS Parser API key (`sk_…`). Required; sent only to `apiBase`. */
  apiKey: string;
  /** API origin. Default `https://api.casparser.in`; must be `https:` (`http:` only on localhost). */
  apiBase?: string;
  /** Milliseconds to wait for the API before giving up (`upstream-timeout`). Default 10 000. */
  timeoutMs?: number;
  /** The `fetch` used to call the API (a seam for tests and special runtimes). Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** Options of {@link createInboundEmail}. */
export interface CreateInboundEmailOptions extends InboundEmailOptions {
  /**
   * Your own name for the address, up to 256 characters: your user's id, so that you know
   * whose statements arrive there. Optional.
   */
  reference?: string;
  /** Whose e-mails the address accepts; default all four (`cdsl`, `nsdl`, `cams`, `kfintech`). */
  allowedSources?: InboundEmailSource[];
}

/** The API's `InboundEmail`, as it answers it (fields beyond these are kept as they came). */
export interface InboundEmail {
  /** The address's id: give it to `<cas-forward inbound-email-id="…">`, and to {@link deleteInboundEmail}. */
  inbound_email_id: string;
  /** The address the investor forwards the statement e-mail to. */
  email: string;
  /** The `reference` it was made with, or `null`. */
  reference?: string | null;
  /** Whose e-mails it accepts. */
  allowed_sources?: InboundEmailSource[];
  /** `active`, or `paused`. */
  status?: 'active' | 'paused';
  /** When it was made, ISO 8601. */
  created_at?: string;
  /** When it last changed, ISO 8601. */
  updated_at?: string;
  [field: string]: unknown;
}

/** `code` of an {@link InboundEmailError}. */
export type InboundEmailErrorCode =
  | 'invalid-request' // 400 or 422: the API refused the request (its message says why)
  | 'upstream-auth' // 401 or 403: the API refused the key
  | 'rate-limited' // 429
  | 'upstream-timeout' // no answer within `timeoutMs`
  | 'upstream-error'; // unreachable, another status, or an answer that is not an InboundEmail

/** How {@link createInboundEmail} and {@link deleteInboundEmail} fail. The message never contains the key. */
export class InboundEmailError extends Error {
  /** Machine-readable reason. */
  readonly code: InboundEmailErrorCode;
  /** The API's HTTP status, or `null` when it did not answer. */
  readonly status: number | null;
  /** The API's own message (`msg` or `detail`), or `null`. */
  readonly apiMessage: string | null;
  /** The API's `X-Request-ID` (`req_…`), or `null`: quote it to CAS Parser support. */
  readonly requestId: string | null;

  constructor(code: InboundEmailErrorCode, message: string, init: { status?: number | null; apiMessage?: string | null; requestId?: string | null; cause?: unknown } = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'InboundEmailError';
    this.code = code;
    this.status = init.status ?? null;
    this.apiMessage = init.apiMessage ?? null;
    this.requestId = init.requestId ?? null;
  }
}

/**
 * Makes a forwarding address with the API key (`POST {apiBase}/v4/inbound-email`, answered
 * 201): the investor forwards the statement e-mail there, and `<cas-forward>` given its
 * `inbound_email_id` lists and parses what arrives. Keep the id with your user; the element
 * then neither makes nor deletes addresses, and a visitor's browser never makes one.
 * @throws {TypeError} when an option is invalid (the message never contains the key)
 * @throws {InboundEmailError} when the API refuses or fails
 * @example
 * const address = await createInboundEmail({ apiKey: process.env.CASPARSER_API_KEY!, reference: user.id });
 * await db.users.update(user.id, { inboundEmailId: address.inbound_email_id });
 */
export async function createInboundEmail(options: CreateInboundEmailOptions): Promise<InboundEmail> {
  const { reference, allowedSources } = options;
  if (reference !== undefined && (typeof reference !== 'string' || reference.length > 256)) {
    throw new TypeError('cas-upload/server: `reference` must be a string of at most 256 characters.');
  }
  if (
    allowedSources !== undefined &&
    !(Array.isArray(allowedSources) && allowedSources.length && allowedSources.every((s) => SOURCES.includes(s)))
  ) {
    throw new TypeError(`cas-upload/server: \`allowedSources\` must list some of ${SOURCES.join(', ')}.`);
  }
  const body: Record<string, unknown> = {};
  if (reference !== undefined) body.reference = reference;
  if (allowedSources !== undefined) body.allowed_sources = [...new Set(allowedSources)];
  const { status, json, requestId } = await send(options, 'POST', '/v4/inbound-email', body);
  const address = json as Partial<InboundEmail> | null;
  if (status < 200 || status >= 300) throw failure(status, json, requestId, options.apiKey);
  if (typeof address?.inbound_email_id !== 'string' || !address.inbound_email_id || typeof address.email !== 'string') {
    throw new InboundEmailError('upstream-error', 'The CAS Parser API answered without an inbound_email_id and email.', { status, requestId });
  }
  return address as InboundEmail;
}

/**
 * Deletes a forwarding address with the API key (`DELETE {apiBase}/v4/inbound-email/{id}`):
 * nothing sent to it afterwards is kept. Resolves `true` when it was deleted, `false` when the
 * API did not know it (404: deleted already, or expired).
 * @throws {TypeError} when `id` or an option is invalid
 * @throws {InboundEmailError} when the API refuses or fails
 * @example
 * await deleteInboundEmail(user.inboundEmailId, { apiKey: process.env.CASPARSER_API_KEY! });
 */
export async function deleteInboundEmail(id: string, options: InboundEmailOptions): Promise<boolean> {
  if (typeof id !== 'string' || !id.trim()) throw new TypeError('cas-upload/server: the inbound e-mail id is required.');
  const { status, json, requestId } = await send(options, 'DELETE', `/v4/inbound-email/${encodeURIComponent(id)}`);
  if (status === 404) return false;
  if (status < 200 || status >= 300) throw failure(status, json, requestId, options.apiKey);
  return true;
}

/** One call to the API with the key; resolves with any HTTP answer. */
async function send(options: InboundEmailOptions, method: 'POST' | 'DELETE', path: string, body?: unknown) {
  const { apiKey, timeoutMs = 10_000 } = options ?? ({} as InboundEmailOptions);
  if (typeof apiKey !== 'string' || !apiKey.trim()) {
    throw new TypeError('cas-upload/server: `apiKey` is required (your secret CAS Parser API key).');
  }
  if (!(timeoutMs > 0)) throw new TypeError('cas-upload/server: `timeoutMs` must be a positive number.');
  const url = endpoint(options.apiBase ?? DEFAULT_API_BASE, path);
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await doFetch(url, {
      method,
      headers: {
        'x-api-key': apiKey,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'manual', // a redirect must not carry the key elsewhere
      signal,
    });
    const requestId = REQUEST_ID.exec(res.headers.get('x-request-id')?.trim() ?? '')?.[0] ?? null;
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: judged by its status
    }
    return { status: res.status, json, requestId };
  } catch (e) {
    if (signal.aborted) {
      throw new InboundEmailError('upstream-timeout', `The CAS Parser API did not answer within ${timeoutMs} ms.`);
    }
    throw new InboundEmailError('upstream-error', 'The CAS Parser API could not be reached.', { cause: e });
  }
}

/** The error for a non-2xx answer, with the API's message (the key, if it were quoted, cut out). */
function failure(status: number, json: unknown, requestId: string | null, apiKey: string): InboundEmailError {
  const { msg, detail } = (json ?? {}) as { msg?: unknown; detail?: unknown };
  const said = typeof msg === 'string' && msg ? msg : typeof detail === 'string' && detail ? detail : null;
  const apiMessage = said ? said.split(apiKey).join('[key]').slice(0, 500) : null;
  const init = { status, apiMessage, requestId };
  const api = 'The CAS Parser API';
  if (status === 400 || status === 422) return new InboundEmailError('invalid-request', `${api} refused the request (HTTP ${status}).`, init);
  if (status === 401 || status === 403) return new InboundEmailError('upstream-auth', `${api} refused this server's API key.`, init);
  if (status === 429) return new InboundEmailError('rate-limited', `${api} is rate-limiting this server; try again shortly.`, init);
  return new InboundEmailError('upstream-error', `${api} answered HTTP ${status}.`, init);
}
