import { CasUploadError, type CasUploadErrorCode } from './errors.js';
import { callApi, checkSource, apiUrl, sendJson, type ApiOptions } from './request.js';
import { worded } from './cdsl.js';

/** The issuers of CAS statements whose e-mails a forwarding address may accept. */
export const FORWARD_SOURCES = ['cdsl', 'nsdl', 'cams', 'kfintech'] as const;
/** One of {@link FORWARD_SOURCES}. */
export type ForwardSource = (typeof FORWARD_SOURCES)[number];

/** The sender of each issuer's statement e-mails: the one to forward. */
export const FORWARD_SENDERS: Record<ForwardSource, string> = {
  cdsl: 'eCAS@cdslstatement.com',
  nsdl: 'NSDL-CAS@nsdl.co.in',
  cams: 'donotreply@camsonline.com',
  kfintech: 'samfS@kfintech.com',
};

/** A forwarding address made by {@link createForwardAddress}. The address itself is no secret. */
export interface ForwardAddress {
  /** Its id (`inbound_email_id`): for {@link listForwardedFiles} and {@link deleteForwardAddress}. */
  id: string;
  /** The e-mail address the investor forwards the statement to. */
  address: string;
  /** When the API says it stops working (ISO 8601), or `null` when it says nothing. */
  expiresAt: string | null;
  requestId: string | null;
}

/** A statement that arrived at a forwarding address (`ReceivedEmailCASFile`). */
export interface ForwardedFile {
  /** The statement's file name. */
  filename: string;
  /** A short-lived download URL, to parse with `parseCasUrl`. */
  url: string;
  /** Who issued it: `cdsl`, `nsdl`, `cams` or `kfintech` (as the API says; `''` when it does not). */
  casType: string;
  /** Who sent the e-mail it came with, or `''`. */
  sender: string;
  /** The date of that e-mail, `YYYY-MM-DD` (or as the API gives it), or `''`. */
  date: string;
  /** When it arrived (ISO 8601 with microseconds, the polling cursor), or `''`. */
  receivedAt: string;
  /** Its size in bytes, or `null`. */
  size: number | null;
  /** The API's id of the e-mail, or `''`. */
  messageId: string;
}

/**
 * The sources named in `value` (an attribute: words from `cdsl nsdl cams kfintech`, in any
 * case, separated by spaces or commas), each once, in the order of {@link FORWARD_SOURCES};
 * all four when it names none.
 */
export function forwardSources(value?: string | readonly string[] | null): ForwardSource[] {
  const words = (Array.isArray(value) ? value.join(' ') : String(value ?? '')).toLowerCase().split(/[\s,]+/);
  const named = FORWARD_SOURCES.filter((s) => words.includes(s));
  return named.length ? named : [...FORWARD_SOURCES];
}

/** A refused request (400, 422) to make an address: the settings (`sources`, `reference`) are wrong. */
const createCode = (status: number): CasUploadErrorCode | undefined => (status == 400 || status == 422 ? 'config-error' : undefined);
/** The address is gone or expired (404), or the API refused the read (400, 422): `fetch-failed`. */
const filesCode = (status: number): CasUploadErrorCode | undefined =>
  status == 404 || status == 400 || status == 422 ? 'fetch-failed' : undefined;
/** Any 5xx of a read is worth another try, as are 429 and a network failure. */
const readAgain = [429, 500, 501, 502, 503, 504];

/**
 * Makes a one-time forwarding address (`POST {api-base}/v4/inbound-email`
 * `{allowed_sources, reference?}`, answered 201). Never repeated on its own (each makes an
 * address): only a 429 with `Retry-After` is waited out, and a 401/403 tried once more with a
 * fresh token. Delete it with {@link deleteForwardAddress} when done.
 * @throws {CasUploadError} `config-error` (a 400/422: the API's message is `apiMessage`, for
 *   example a `reference` over 256 characters), or a code of an upload (`token-error`,
 *   `auth-failed`, `timeout`, `network-error`, `aborted`, …)
 */
export async function createForwardAddress(
  options: ApiOptions & { sources?: readonly ForwardSource[]; reference?: string },
): Promise<ForwardAddress> {
  const url = apiUrl(options.apiBase ?? undefined, '/v4/inbound-email');
  checkSource(options.token);
  const body: Record<string, unknown> = { allowed_sources: forwardSources(options.sources) };
  if (options.reference) body.reference = options.reference;
  const { body: answer, requestId } = await callApi(
    { send: sendJson(url, body, options), once: true, codeFor: createCode },
    options,
  ).catch(worded);
  const { inbound_email_id: id, email: address, expires_at: expires } = answer;
  if (typeof id != 'string' || !id || typeof address != 'string' || !address.includes('@')) {
    throw new CasUploadError('server-error', undefined, { requestId });
  }
  const expiresAt = typeof expires == 'string' && !isNaN(Date.parse(expires)) ? expires : null;
  return { id, address, expiresAt, requestId };
}

/**
 * The statements that arrived at a forwarding address after `since` (`GET {api-base}/v4/
 * inbound-email/{id}/files?since=<cursor>`), oldest first as the API lists them, and the
 * cursor to pass as `since` next time (`since` itself while nothing arrived). Retried like a
 * read: a 429 (its `Retry-After`), any 5xx and a network failure, as `retries` allows.
 * @throws {CasUploadError} `fetch-failed` (404: the address is gone or expired), or a code of an
 *   upload (`rate-limited`, `server-error`, `network-error`, `auth-failed`, `aborted`, …)
 */
export async function listForwardedFiles(
  id: string,
  since: string | null,
  options: ApiOptions,
): Promise<{ files: ForwardedFile[]; cursor: string | null; requestId: string | null }> {
  const query = since ? `?since=${encodeURIComponent(since)}` : '';
  const url = apiUrl(options.apiBase ?? undefined, `/v4/inbound-email/${encodeURIComponent(id)}/files${query}`);
  checkSource(options.token);
  const { body, requestId } = await callApi(
    { send: sendJson(url, undefined, options, {}, 'GET'), retry: readAgain, codeFor: filesCode },
    options,
  ).catch(worded);
  const files = (Array.isArray(body.files) ? body.files : [])
    .filter((f) => typeof f?.url == 'string' && f.url !== '')
    .map(
      (f): ForwardedFile => ({
        filename: String(f.original_filename || f.filename || ''),
        url: f.url,
        casType: String(f.cas_type ?? '').toLowerCase(),
        sender: String(f.sender_email ?? ''),
        date: String(f.message_date ?? ''),
        receivedAt: String(f.received_at ?? ''),
        size: typeof f.size == 'number' ? f.size : null,
        messageId: String(f.message_id ?? ''),
      }),
    );
  const cursor = typeof body.cursor == 'string' && body.cursor ? body.cursor : since;
  return { files, cursor, requestId };
}

/**
 * Deletes a forwarding address (`DELETE {api-base}/v4/inbound-email/{id}`): nothing more
 * arrives there. An address already gone (404) counts as deleted. With `keepalive`, the request
 * outlives the page (`pagehide`).
 * @throws {CasUploadError} a code of an upload
 */
export async function deleteForwardAddress(id: string, options: ApiOptions): Promise<void> {
  const url = apiUrl(options.apiBase ?? undefined, `/v4/inbound-email/${encodeURIComponent(id)}`);
  checkSource(options.token);
  await callApi({ send: sendJson(url, undefined, options, {}, 'DELETE'), codeFor: filesCode }, options).catch((err: CasUploadError) => {
    if (err.status !== 404) throw err;
  });
}
