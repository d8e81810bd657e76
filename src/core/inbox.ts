import { CasUploadError, apiMessageOf } from './errors.js';
import { callApi, checkSource, apiUrl, postJson, type ApiOptions, type RawResponse } from './request.js';
import { worded } from './cdsl.js';
import { isoDay } from './mailback.js';

/** A statement found in the investor's mailbox (`POST /v4/inbox/cas`). */
export interface InboxFile {
  /** The statement's file name. */
  filename: string;
  /** A short-lived download URL, to parse with `parseCasUrl`. */
  url: string;
  /** Who issued it: `cdsl`, `nsdl`, `cams` or `kfintech`. */
  casType: string;
  /** The date of the e-mail it came with (as the API gives it), or `''`. */
  date: string;
  /** Its size in bytes, or `null`. */
  size: number | null;
}

import type { InboxProvider } from './providers.js';

export { INBOX_PROVIDERS, type InboxProvider } from './providers.js';

/** `inbox-error` for a 400/422 of the inbox endpoints (the mailbox could not be used). */
const inboxCode = (status: number) => (status == 400 || status == 422 ? ('inbox-error' as const) : undefined);

/**
 * One attempt of a call made with a mailbox grant (header `x-inbox-token`), with `body` or
 * none (`undefined`: no body and no `content-type`, where the specification declares none;
 * `options.keepalive` to outlive the page). A 401 with `requires_reconnect: true` means the grant was
 * revoked or expired, which no access token cures: it ends the call at once (`inbox-error`,
 * status 401), with no fresh token and no other attempt.
 */
function granted(url: string, body: object | undefined, inboxToken: string, options: ApiOptions) {
  // No body: no `content-type` either.
  const bare: typeof fetch = (to, init) => {
    const { 'content-type': _, ...headers } = init!.headers as Record<string, string>;
    return (options.fetch ?? fetch)(to, { ...init, headers });
  };
  const send = postJson(url, body, body === undefined ? { ...options, fetch: bare } : options, { 'x-inbox-token': inboxToken });
  return async (token: string, timeout: number): Promise<RawResponse> => {
    const res = await send(token, timeout);
    let answer: { requires_reconnect?: unknown } | undefined;
    try {
      answer = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    if (res.status == 401 && answer?.requires_reconnect === true) {
      throw new CasUploadError('inbox-error', undefined, { status: 401, apiMessage: apiMessageOf(answer), requestId: res.requestId });
    }
    return res;
  };
}

/**
 * A fresh `state` for the OAuth round trip (CSRF): 128 bits from `crypto.getRandomValues`, as
 * hex. The return page must hand back exactly this value.
 */
export function inboxState(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Inbox step 1: asks for the provider's consent page (`POST {api-base}/v4/inbox/connect`
 * `{redirect_uri, state, provider}`; `provider` `gmail` (the default), `outlook` or `zoho`).
 * Open the returned `oauthUrl` in a popup; the provider sends the investor back to
 * `redirectUri` with `inbox_token` and `state` (or `error` and `state`).
 * @throws {CasUploadError} `inbox-error`, or a code of an upload
 */
export async function connectInbox(
  redirectUri: string,
  state: string,
  options: ApiOptions & { provider?: InboxProvider },
): Promise<{ oauthUrl: string; requestId: string | null }> {
  const url = apiUrl(options.apiBase ?? undefined, '/v4/inbox/connect');
  checkSource(options.token);
  const body0 = { redirect_uri: redirectUri, state, provider: options.provider ?? 'gmail' };
  const { body, requestId } = await callApi({ send: postJson(url, body0, options), codeFor: inboxCode }, options).catch(
    worded,
  );
  const oauthUrl = body.oauth_url;
  if (typeof oauthUrl != 'string' || !/^https?:/.test(oauthUrl)) throw new CasUploadError('server-error', undefined, { requestId });
  return { oauthUrl, requestId };
}

/**
 * Inbox step 2: lists the statements in the mailbox (`POST {api-base}/v4/inbox/cas`, header
 * `x-inbox-token`), newest first. `since` is the first day searched (default: a year ago).
 * The inbox token opens the investor's mailbox: treat it like a password. A 401 with
 * `requires_reconnect` (the grant was revoked or expired) is `inbox-error` with `status` 401
 * at once: no new access token, no second call (each one is billed).
 * @throws {CasUploadError} `no-statements`, `inbox-error`, or a code of an upload
 */
export async function listInboxStatements(
  inboxToken: string,
  options: ApiOptions & { since?: string; today?: Date },
): Promise<{ files: InboxFile[]; requestId: string | null }> {
  const url = apiUrl(options.apiBase ?? undefined, '/v4/inbox/cas');
  checkSource(options.token);
  const today = options.today ?? new Date();
  const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
  const body = { start_date: options.since ?? isoDay(yearAgo), end_date: isoDay(today) };
  const { body: answer, requestId } = await callApi(
    { send: granted(url, body, inboxToken, options), codeFor: inboxCode },
    options,
  ).catch(worded);
  const files = (Array.isArray(answer.files) ? answer.files : [])
    .filter((f) => typeof f?.url == 'string' && f.url !== '')
    .map(
      (f): InboxFile => ({
        filename: String(f.original_filename || f.filename || ''),
        url: f.url,
        casType: String(f.cas_type ?? ''),
        date: String(f.message_date ?? ''),
        size: typeof f.size == 'number' ? f.size : null,
      }),
    )
    .sort((a, b) => (Date.parse(b.date) || 0) - (Date.parse(a.date) || 0));
  if (!files.length) worded(new CasUploadError('no-statements', undefined, { requestId }));
  return { files, requestId };
}

/**
 * Whether an inbox token still opens the mailbox (`POST {api-base}/v4/inbox/status`, header
 * `x-inbox-token`, no body): `{valid, provider, email}`. A 401 with `requires_reconnect` is
 * `inbox-error` with `status` 401 at once, as for the list.
 * @throws {CasUploadError} `inbox-error`, or a code of an upload
 */
export async function inboxStatus(
  inboxToken: string,
  options: ApiOptions,
): Promise<{ valid: boolean; provider: string | null; email: string | null; requestId: string | null }> {
  const url = apiUrl(options.apiBase ?? undefined, '/v4/inbox/status');
  checkSource(options.token);
  const { body, requestId } = await callApi(
    { send: granted(url, undefined, inboxToken, options), codeFor: inboxCode },
    options,
  ).catch(worded);
  const text = (v: unknown) => (typeof v == 'string' ? v : null);
  return { valid: body.valid === true, provider: text(body.provider), email: text(body.email), requestId };
}

/**
 * Revokes the mailbox access (`POST {api-base}/v4/inbox/disconnect`, header `x-inbox-token`,
 * no body: the specification declares none): the token stops working. Tried once per attempt
 * allowed by `retries`; a failure is reported but leaves nothing to undo. `keepalive` lets the
 * request outlive the page (sent on `pagehide`).
 * @throws {CasUploadError} a code of an upload
 */
export async function disconnectInbox(inboxToken: string, options: ApiOptions): Promise<void> {
  const url = apiUrl(options.apiBase ?? undefined, '/v4/inbox/disconnect');
  checkSource(options.token);
  await callApi(
    { send: granted(url, undefined, inboxToken, options), codeFor: inboxCode },
    options,
  );
}
