/**
 * `cas-upload/server`: mints short-lived CAS Parser access tokens on the host's backend, so the
 * secret API key never reaches a browser. Written against the Fetch API (`Request` →
 * `Response`): Node 20.19+, Next.js route handlers, Hono, Bun, Deno, and Express or `node:http`
 * through {@link toNodeListener}. No dependencies. Options and defaults: docs/server.md.
 * @module
 */
import { clientAddressOf, rateKeyOf, type ClientInfo } from './client-address.js';
import { DEFAULT_API_BASE, REQUEST_ID, endpoint } from './endpoint.js';
import { createMemoryStore, type StoredCredits, type StoredToken, type TokenStore } from './store.js';

export { toNodeListener } from './node.js';
export type { NodeListener, NodeRequestLike, NodeResponseLike } from './node.js';
export { createMemoryStore } from './store.js';
export type { TokenStore, StoredToken, StoredCredits, MemoryStoreOptions } from './store.js';
export type { ClientInfo } from './client-address.js';
export { createInboundEmail, deleteInboundEmail, InboundEmailError } from './inbound-email.js';
export type { InboundEmail, InboundEmailSource, InboundEmailOptions, CreateInboundEmailOptions, InboundEmailErrorCode } from './inbound-email.js';

/**
 * The request header that names the token the API refused (sent by the element on the refresh
 * after a 401/403). The handler then mints a new token, if the one named is the one it reuses.
 */
export const REJECTED_TOKEN_HEADER = 'x-cas-rejected-token';
/**
 * A token minted to replace a rejected one is not replaced again for this long (ms), whoever
 * names it: the shortest interval between two mints that requests can cause.
 */
export const REPLACE_INTERVAL_MS = 10_000;
/**
 * How long (ms) an answer of `POST /v1/credits` is kept in the store and shared by every
 * instance: the handler asks it at most this often, however many rejected tokens it is told of.
 */
export const CREDITS_TTL_MS = 60_000;
/**
 * After its own deadline, how long (ms) a request still waits for another instance that holds
 * the mint lock to let it go; one that holds it longer is taken for gone, and this instance
 * mints on its own.
 */
export const LOCK_GRACE_MS = 1000;

/** Options of {@link createTokenHandler}. */
export interface TokenHandlerOptions {
  /** The secret CAS Parser API key (`sk_…`, or the sandbox key). Required; never sent anywhere but `apiBase`. */
  apiKey: string;
  /** API origin. Default `https://api.casparser.in`; must be `https:` (`http:` only on localhost). */
  apiBase?: string;
  /**
   * Lifetime of minted tokens in minutes, an integer from 1 to 60. Default 60. A token is never
   * reused longer than this, whatever `expires_in` the API answers.
   */
  expiryMinutes?: number;
  /**
   * Reuse a minted token until shortly before it expires (`min(30 s, 10% of its lifetime)`),
   * with one mint in flight shared by concurrent requests. Failures are never cached. A request
   * whose `x-cas-rejected-token` header names the reused token drops it and gets a new one.
   * Default `true`.
   */
  reuse?: boolean;
  /**
   * Requests allowed per client per window (fixed window), counted after `authorize` said yes;
   * beyond it the answer is 429 with `Retry-After` in seconds. `false` turns it off.
   * Default `{ max: 30, windowMs: 60_000 }`.
   */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * The rate-limit key of a request (for example your signed-in user's id). Default, and for a
   * request it gives no id (`''`, `undefined` or `null`: an anonymous visitor): the client's
   * address (IPv6 by /64), see `trustProxy` and {@link ClientInfo}. When neither is known, the
   * handler throws instead of lumping every client into one bucket.
   */
  clientId?: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * How many proxies you run in front of this server (load balancer, CDN) that append to
   * `X-Forwarded-For`. The client is the first address from the right that none of them wrote,
   * as with Express's `trust proxy` set to a number. Default 0: the header is ignored (any
   * client can write it) and the connection's address is used.
   */
  trustProxy?: number;
  /**
   * Decides whether the caller may get a token (session check, CSRF check…), before anything is
   * counted or minted. `true` allows; a `Response` is returned as is; anything else answers 403
   * `forbidden`. Default: allow all.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /**
   * Where rate-limit counters and the reused token live. Default: this process's memory
   * ({@link createMemoryStore}). Several instances share one with `cas-upload/server/redis`.
   */
  store?: TokenStore;
  /**
   * Called when minting fails on the server side (the API unreachable, slow, refusing the key,
   * rate-limiting it, or answering something unusable), once per failed mint. The failure
   * never contains the key. Default: one `console.error` line with the reason.
   */
  onError?: (failure: TokenHandlerFailure) => void;
  /** The `fetch` used to call the API (a seam for tests and special runtimes). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Clock in epoch milliseconds, for token expiry and rate-limit windows (a seam for tests). Default `Date.now`. */
  now?: () => number;
  /**
   * The deadline of one request, in milliseconds from when `authorize` let it through: every
   * store call, and the calls to the API (`POST /v1/token`, `POST /v1/credits`), must end
   * within it. A store that misses it answers 503 `store-unavailable`, the API 504
   * `upstream-timeout`. Default 10 000.
   */
  timeoutMs?: number;
}

/**
 * A Fetch API handler: `Request` in, `Response` out, and what the runtime knows about the
 * connection ({@link ClientInfo}). It never rejects for API failures; it rejects when the
 * client's address is needed and unknown, or when the store fails.
 */
export type TokenHandler = (request: Request, info?: ClientInfo) => Promise<Response>;

/** Body of a 200 answer; the `cas-upload` element reads it as a `TokenResponse`. */
export interface TokenHandlerSuccess {
  /** The short-lived access token, `at_…`. */
  access_token: string;
  /** Whole seconds until the token expires (less for a reused token). */
  expires_in: number;
}

/** `error` codes of the handler's error answers. */
export type TokenHandlerErrorCode =
  | 'method-not-allowed' // 405: not GET or POST
  | 'rate-limited' // 429: this client asked too often, or the API rate-limited the key
  | 'forbidden' // 403: `authorize` said no
  | 'quota-exceeded' // 402: asked to replace a rejected token while the key has no credits left
  | 'upstream-auth' // 502: the API refused the host's key (a server misconfiguration)
  | 'upstream-timeout' // 504: the API did not answer within `timeoutMs`
  | 'upstream-error' // 502: the API was unreachable, failed, or answered something unusable
  | 'store-unavailable'; // 503: the store did not answer within `timeoutMs`

/** Body of an error answer. It never contains the API key or the API's own error body. */
export interface TokenHandlerError {
  /** Machine-readable code. */
  error: TokenHandlerErrorCode;
  /** One English sentence for developers. */
  message: string;
  /** The API's `X-Request-ID` (`req_…`), when the API answered: quote it to CAS Parser support. */
  requestId?: string;
}

/** What `onError` receives: the answer given to the caller, with its status and, for a network failure, the cause. */
export interface TokenHandlerFailure extends TokenHandlerError {
  /** HTTP status answered to the caller (402, 429, 502, 503 or 504). */
  status: number;
  /** The error thrown by `fetch`, for a network failure (it does not contain the key). */
  cause?: unknown;
}

export { DEFAULT_API_BASE };

/** A failure to report to the caller; thrown by `mint` and shared by concurrent callers. */
class Failure {
  constructor(
    readonly status: number,
    readonly body: TokenHandlerError,
    readonly headers: Record<string, string> = {},
    readonly cause?: unknown,
  ) {}
}

/** `resets_at` values passed on: an ISO 8601 date or date-time, nothing else. */
const DATE_TIME = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?$/;
/** How long (ms) a failed `POST /v1/credits` is remembered, so that a failing endpoint is not asked on every request. */
const CREDITS_RETRY_MS = 10_000;

/** The one deadline of a request: real time (timers), whatever clock `now` is. */
interface Deadline {
  /** Epoch ms (`Date.now()`) when it passes. */
  at: number;
  /** Aborts when it passes: the signal of the API calls. */
  signal: AbortSignal;
}

function deadlineIn(ms: number): Deadline {
  return { at: Date.now() + ms, signal: AbortSignal.timeout(ms) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates a handler for the host's token endpoint. It mints tokens with
 * `POST {apiBase}/v1/token` and answers GET or POST with `200 {"access_token", "expires_in"}`,
 * or a JSON error `{"error", "message"}` (see {@link TokenHandlerErrorCode}).
 * @throws {TypeError} when an option is invalid (the message never contains the key)
 * @example
 * const handler = createTokenHandler({ apiKey: process.env.CASPARSER_API_KEY!, trustProxy: 1 });
 * export const GET = handler; // Next.js app router, behind one proxy that sets X-Forwarded-For
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const { apiKey, expiryMinutes = 60, reuse = true, timeoutMs = 10_000, trustProxy = 0, authorize, clientId } = options;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const limit = options.rateLimit === false ? null : (options.rateLimit ?? { max: 30, windowMs: 60_000 });
  const onError = options.onError ?? logFailure;
  const store = options.store ?? createMemoryStore({ now });

  if (typeof apiKey !== 'string' || !apiKey.trim()) {
    throw new TypeError('cas-upload/server: `apiKey` is required (your secret CAS Parser API key).');
  }
  if (!Number.isInteger(expiryMinutes) || expiryMinutes < 1 || expiryMinutes > 60) {
    throw new TypeError('cas-upload/server: `expiryMinutes` must be an integer from 1 to 60.');
  }
  if (!(timeoutMs > 0)) throw new TypeError('cas-upload/server: `timeoutMs` must be a positive number.');
  if (limit && !(Number.isInteger(limit.max) && limit.max > 0 && limit.windowMs > 0)) {
    throw new TypeError('cas-upload/server: `rateLimit` needs a positive integer `max` and a positive `windowMs`.');
  }
  if (!(Number.isInteger(trustProxy) && trustProxy >= 0)) {
    throw new TypeError('cas-upload/server: `trustProxy` must be the number of proxies in front of this server (0 or more).');
  }
  const tokenUrl = endpoint(options.apiBase ?? DEFAULT_API_BASE, '/v1/token');
  const creditsUrl = endpoint(options.apiBase ?? DEFAULT_API_BASE, '/v1/credits');
  const api = 'The CAS Parser API';
  // A store without the credits pair keeps the answer in this process.
  const creditsStore: Pick<TokenStore, 'getCredits' | 'setCredits'> =
    store.getCredits && store.setCredits ? store : createMemoryStore({ now });

  /** Calls `onError`; a failing hook changes nothing in the answer. */
  function report(failure: Failure): void {
    try {
      onError({ ...failure.body, status: failure.status, ...(failure.cause ? { cause: failure.cause } : {}) });
    } catch {
      // A failing hook changes nothing in the answer.
    }
  }

  /**
   * A store call that must end by `until` (epoch ms): past it, a 503 `store-unavailable`. A
   * store that rejects makes the handler reject, as before.
   */
  function within<T>(call: () => Promise<T>, until: number): Promise<T> {
    const pending = new Promise<T>((resolve) => resolve(call()));
    pending.catch(() => {}); // a store that answers after the deadline leaves nothing unhandled
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const message = `The token store did not answer within ${timeoutMs} ms; try again shortly.`;
        reject(new Failure(503, { error: 'store-unavailable', message }));
      }, Math.max(0, until - Date.now()));
    });
    return Promise.race([pending, late]).finally(() => clearTimeout(timer));
  }
  /** Store failures already reported (one shared load fails all its callers with one). */
  const reported = new WeakSet<Failure>();

  /** The rate-limit key: `clientId`, else (also when it gives no id) the client's address. */
  async function rateKey(request: Request, info?: ClientInfo): Promise<string> {
    const id = clientId ? await clientId(request) : undefined;
    if (id != null && id !== '') return `id:${id}`;
    const address = clientAddressOf(request, info, trustProxy);
    if (address) return `ip:${rateKeyOf(address)}`;
    throw new Error(
      'cas-upload/server: the client address of this request is unknown, so it cannot be rate-limited. ' +
        'Pass it as the second argument (handler(request, { clientAddress })), set `trustProxy` behind proxies ' +
        'that set X-Forwarded-For, give a `clientId` function, or set `rateLimit: false`.',
    );
  }

  /** One `POST /v1/token`, ended when `signal` aborts (the request's deadline). */
  async function mint(signal: AbortSignal): Promise<StoredToken> {
    const started = now();
    let requestId: string | undefined;
    const fail = (status: number, error: TokenHandlerErrorCode, message: string, headers?: Record<string, string>, cause?: unknown) =>
      new Failure(status, requestId ? { error, message, requestId } : { error, message }, headers, cause);
    try {
      const res = await doFetch(tokenUrl, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ expiry_minutes: expiryMinutes }),
        redirect: 'manual', // a redirect must not carry the key elsewhere
        signal,
      });
      requestId = REQUEST_ID.exec(res.headers.get('x-request-id')?.trim() ?? '')?.[0];
      if (!res.ok) {
        void res.body?.cancel().catch(() => {}); // error bodies are never read, so never echoed
        if (res.status === 401 || res.status === 403) {
          throw fail(502, 'upstream-auth', `${api} refused this server's API key; check its configuration.`);
        }
        if (res.status === 429) {
          const retry = res.headers.get('retry-after')?.trim() ?? '';
          const headers: Record<string, string> = /^\d{1,6}$/.test(retry) ? { 'retry-after': retry } : {};
          throw fail(429, 'rate-limited', `${api} is rate-limiting this server; try again shortly.`, headers);
        }
        throw fail(502, 'upstream-error', `${api} answered HTTP ${res.status} to the token request.`);
      }
      let body: { access_token?: unknown; expires_in?: unknown } | null;
      try {
        body = JSON.parse(await res.text());
      } catch (e) {
        if (signal.aborted) throw e;
        throw fail(502, 'upstream-error', `${api} answered the token request with something that is not JSON.`);
      }
      const value = body?.access_token;
      if (typeof value !== 'string' || !value) {
        throw fail(502, 'upstream-error', `${api} answered the token request without an access token.`);
      }
      if (value.startsWith('sk_') || value === apiKey) {
        throw fail(502, 'upstream-error', `${api} returned a secret key, not an access token; it was refused.`);
      }
      // Never longer than asked for, whatever the API says.
      const given = body?.expires_in;
      const seconds = Math.min(typeof given === 'number' && given > 0 ? given : Infinity, expiryMinutes * 60);
      const expiresAt = started + seconds * 1000;
      return { value, expiresAt, staleAt: expiresAt - Math.min(30_000, seconds * 100) };
    } catch (e) {
      const failure =
        e instanceof Failure
          ? e
          : signal.aborted
            ? fail(504, 'upstream-timeout', `${api} did not answer the token request within ${timeoutMs} ms.`)
            : fail(502, 'upstream-error', `${api} could not be reached.`, undefined, e);
      report(failure);
      throw failure;
    }
  }

  /** Keeps a minted token in the store; one the store could not take in time is still handed out. */
  async function save(token: StoredToken, replacing: boolean, d: Deadline): Promise<StoredToken> {
    if (replacing) token.replacedAt = now();
    try {
      await within(() => store.setToken(token), d.at);
    } catch (e) {
      // Valid all the same; only not shared. A store that fails (rather than stalls) still rejects.
      if (!(e instanceof Failure)) throw e;
    }
    return token;
  }

  /**
   * Mints and stores a token, one instance at a time when the store has a lock: the others wait
   * for its token until their deadline. One that takes the lock reads the store once more first
   * (another instance may have stored a token since this one looked). Past the deadline no new
   * mint starts, unless the lock outlived the deadline by `LOCK_GRACE_MS`: its holder is gone.
   */
  async function mintShared(replacing: boolean, rejected: string | null, d: Deadline): Promise<StoredToken> {
    const lock = store.lockMint?.bind(store);
    if (!lock) return save(await mint(d.signal), replacing, d);
    const graceEnd = d.at + LOCK_GRACE_MS;
    for (let i = 0; ; i++) {
      if (Date.now() >= graceEnd) {
        // The lock outlived our deadline and its grace: its holder is gone. Start again, without it.
        const fresh = deadlineIn(timeoutMs);
        const stored = await within(() => store.getToken(), fresh.at);
        return stored && stored.value !== rejected ? stored : save(await mint(fresh.signal), replacing, fresh);
      }
      // Store calls end by our deadline, and in the grace after it by its end.
      const until = Date.now() < d.at ? d.at : graceEnd;
      const release = await within(() => lock(timeoutMs + LOCK_GRACE_MS), until);
      if (release) {
        try {
          const stored = await within(() => store.getToken(), until);
          if (stored && stored.value !== rejected) return stored;
          // The holder before us gave up at about our deadline: no second wait for the API.
          if (Date.now() >= d.at) throw timedOut();
          return await save(await mint(d.signal), replacing, d);
        } finally {
          void within(release, Math.max(Date.now() + 1000, d.at)).catch(() => {}); // else its expiry frees it
        }
      }
      await sleep(Math.min(200, 20 * 2 ** i, Math.max(1, until - Date.now())));
      if (Date.now() >= until) continue;
      const token = await within(() => store.getToken(), until);
      if (token && token.value !== rejected) return token;
    }
  }

  /** The answer of a request whose deadline passed while another instance minted in vain. */
  function timedOut(): Failure {
    return new Failure(504, { error: 'upstream-timeout', message: `${api} did not answer the token request within ${timeoutMs} ms.` });
  }

  let inflight: Promise<StoredToken> | undefined;
  /** The reused token, or a new one; one load at a time in this instance (within the deadline of the request that started it). */
  const shared = (d: Deadline, replacing = false, rejected: string | null = null) =>
    (inflight ??= within(() => store.getToken(), d.at)
      .then((token) => token ?? mintShared(replacing, rejected, d))
      .finally(() => (inflight = undefined)));

  async function getToken(rejected: string | null, d: Deadline): Promise<StoredToken> {
    if (!reuse) return mint(d.signal);
    let token = await shared(d);
    // Only the token held is dropped, so a caller cannot make it mint at will; a load that
    // started before the drop may still return it, hence a few rounds. A token that itself
    // replaced a rejected one is replaced again only REPLACE_INTERVAL_MS after it was minted:
    // anyone holds the token in use and may name it, so naming it mints at most that often.
    for (let round = 0; rejected && token.value === rejected && round < 3; round++) {
      if (token.replacedAt !== undefined && now() - token.replacedAt < REPLACE_INTERVAL_MS) break;
      await within(() => store.deleteToken(rejected), d.at);
      token = await shared(d, true, rejected);
    }
    return token;
  }

  let creditsInflight: Promise<StoredCredits> | undefined;
  /**
   * Whether the key's quota is exhausted: the answer of `POST /v1/credits` kept in the store for
   * `CREDITS_TTL_MS`, or a new one (one request at a time in this instance). A failed request
   * counts as "not exhausted" (the token is replaced, as without this check) and is asked again
   * after a short while.
   */
  async function credits(d: Deadline): Promise<StoredCredits> {
    const kept = await within(() => creditsStore.getCredits!(), d.at);
    if (kept) return kept;
    return (creditsInflight ??= askCredits(d).finally(() => (creditsInflight = undefined)));
  }

  async function askCredits(d: Deadline): Promise<StoredCredits> {
    let answer: StoredCredits;
    let requestId: string | undefined;
    try {
      const res = await doFetch(creditsUrl, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, accept: 'application/json' },
        redirect: 'manual',
        signal: d.signal,
      });
      requestId = REQUEST_ID.exec(res.headers.get('x-request-id')?.trim() ?? '')?.[0];
      if (!res.ok) {
        void res.body?.cancel().catch(() => {});
        throw new Error(`HTTP ${res.status}`);
      }
      const body = JSON.parse(await res.text()) as { remaining?: unknown; is_unlimited?: unknown; resets_at?: unknown } | null;
      const exhausted = body?.is_unlimited === false && typeof body.remaining === 'number' && body.remaining <= 0;
      const resetsAt = typeof body?.resets_at === 'string' && DATE_TIME.test(body.resets_at) ? body.resets_at : undefined;
      answer = exhausted && resetsAt ? { exhausted, resetsAt } : { exhausted };
    } catch {
      if (d.signal.aborted) {
        const failure = new Failure(504, { error: 'upstream-timeout', message: `${api} did not answer the credits request within ${timeoutMs} ms.` });
        report(failure);
        throw failure;
      }
      await within(() => creditsStore.setCredits!({ exhausted: false }, CREDITS_RETRY_MS), d.at);
      return { exhausted: false };
    }
    await within(() => creditsStore.setCredits!(answer, CREDITS_TTL_MS), d.at);
    if (answer.exhausted) report(quotaFailure(answer, requestId));
    return answer;
  }

  return async function handleTokenRequest(request: Request, info?: ClientInfo): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      const message = 'Use GET or POST to request an access token.';
      return json(405, { error: 'method-not-allowed', message }, { allow: 'GET, POST' });
    }
    if (authorize) {
      const verdict = await authorize(request);
      if (typeof verdict === 'object' && verdict) return verdict;
      if (verdict !== true) return json(403, { error: 'forbidden', message: 'You may not get an access token.' });
    }
    const d = deadlineIn(timeoutMs);
    try {
      if (limit) {
        const key = await rateKey(request, info);
        const { count, resetInMs } = await within(() => store.hit(key, limit.windowMs, limit.max), d.at);
        if (count > limit.max) {
          const message = 'Too many token requests; try again later.';
          return json(429, { error: 'rate-limited', message }, { 'retry-after': String(Math.max(1, Math.ceil(resetInMs / 1000))) });
        }
      }
      const rejected = request.headers.get(REJECTED_TOKEN_HEADER);
      // A rejected token: expired, or the quota is gone (the API answers 403 to both). A new
      // token would not help with the quota, and the element would send the file again for
      // nothing: say so instead.
      if (rejected) {
        const quota = await credits(d);
        if (quota.exhausted) throw quotaFailure(quota);
      }
      const token = await getToken(rejected, d);
      const body: TokenHandlerSuccess = {
        access_token: token.value,
        expires_in: Math.max(0, Math.floor((token.expiresAt - now()) / 1000)),
      };
      return json(200, body);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      if (e.body.error === 'store-unavailable' && !reported.has(e)) reported.add(e), report(e);
      return json(e.status, e.body, e.headers);
    }
  };
}

/** The default `onError`: one line with the reason and the API's request id; never the key. */
function logFailure({ message, requestId, cause }: TokenHandlerFailure): void {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const detail = [typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : '', requestId ? `X-Request-ID ${requestId}` : '']
    .filter(Boolean)
    .join(', ');
  console.error(`cas-upload/server: ${message}${detail ? ` (${detail})` : ''}`);
}

/** The 402 answer when the key has no credits left. */
function quotaFailure({ resetsAt }: StoredCredits, requestId?: string): Failure {
  const message = `The CAS Parser API key has no credits left${resetsAt ? ` until ${resetsAt}` : ''}; a new access token would not help.`;
  return new Failure(402, requestId ? { error: 'quota-exceeded', message, requestId } : { error: 'quota-exceeded', message });
}

function json(status: number, body: TokenHandlerSuccess | TokenHandlerError, headers = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}
