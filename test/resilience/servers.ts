/**
 * Sessions on the real local servers of `scripts/fault-servers.mjs` (run inside
 * web-test-runner's dev server, so any browser test may use them): a scripted token endpoint on
 * the page's origin and a fake CAS Parser API on a second origin. No side effects on import.
 */
import { expect, aTimeout } from '@open-wc/testing';

/** One answer of the token endpoint (see scripts/fault-servers.mjs). */
export interface TokenStep {
  status?: number;
  body?: unknown;
  expiresIn?: number;
  delayMs?: number;
  hang?: boolean;
  /** Why this answer breaks the specification on purpose (else it is held against it). */
  offSpec?: string;
}

/** One answer of the fake API (see scripts/fault-servers.mjs). */
export interface ApiStep {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  hang?: boolean;
  stall?: boolean;
  drop?: boolean;
  /** Why this answer breaks the specification on purpose (a proxy's page, a malformed body); else it is held against it. */
  offSpec?: string;
}

/** What a session's servers answer, request after request (the last step repeats). */
export interface SessionConfig {
  token?: TokenStep[];
  api?: ApiStep[];
  revokeFirstToken?: boolean;
}

/** One parse request as the fake API saw it. */
export interface SeenRequest {
  n: number;
  /** `POST`, or `GET` and `DELETE` of a forwarding address. */
  method: string;
  /** The query string, without `?` (`since=…`), or `''`. */
  query: string;
  /** The API path (`/v4/smart/parse`, `/v4/cdsl/fetch`, `/v4/cdsl/fetch/{id}/verify`). */
  path: string;
  /** The parser of a parse request, else `null`. */
  parser: string | null;
  /** The `x-inbox-token` header, else `null`. */
  inboxToken: string | null;
  /** A JSON request's body, else `null`. */
  json: Record<string, unknown> | null;
  keyIsIssued: boolean;
  /** Which issued token it carried (0 = the first), or -1. */
  tokenIndex: number;
  /** Its Cookie header, or null. */
  cookie: string | null;
  bytes: number;
  complete: boolean;
  aborted: boolean;
  status: number | null;
  password: string | null;
  fileName: string | null;
}

/** What the servers of one session saw. */
export interface Stats {
  tokens: string[];
  tokenRequests: number;
  tokenAborted: number;
  /** The Cookie header of each token request, or null. */
  tokenCookies: (string | null)[];
  apiRequests: number;
  apiAborted: number;
  preflights: number;
  requests: SeenRequest[];
  /** What broke the official specification in the requests and answers (test/spec/check.mjs). */
  violations: string[];
}

/** A scripted pair of servers: the token URL on this origin, the API on another. */
export interface Session {
  id: string;
  tokenUrl: string;
  apiBase: string;
  /** The same API on `localhost`, the page's own site: a cookie of the page would go with credentials. */
  sameSiteApiBase: string;
  apiOrigin: string;
  /** A URL where nothing listens (connection refused). */
  refusedUrl: string;
  stats(): Promise<Stats>;
  /**
   * Waits until `test(stats)` holds, then returns the stats; fails when it does not hold within
   * `ms`, naming `what` and showing what the servers saw.
   */
  until(test: (s: Stats) => boolean, what?: string, ms?: number): Promise<Stats>;
  /** Closes the session; fails when a request or an answer broke the specification. */
  close(): Promise<void>;
}

/** Opens a session on the real local servers. */
export async function openSession(config: SessionConfig = {}): Promise<Session> {
  const res = await fetch('/fault/session', { method: 'POST', body: JSON.stringify(config) });
  expect(res.status, 'fault servers are running').to.equal(200);
  const info = (await res.json()) as Omit<Session, 'stats' | 'until' | 'close'>;
  const stats = async (): Promise<Stats> => (await fetch(`/fault/session/${info.id}`)).json();
  return {
    ...info,
    stats,
    async until(test, what = String(test), ms = 2000) {
      const end = Date.now() + ms;
      let s = await stats();
      while (!test(s)) {
        if (Date.now() > end) {
          const { tokens, requests, ...counts } = s;
          throw new Error(`timed out after ${ms} ms waiting for ${what}; the servers saw ${JSON.stringify({ ...counts, requests })}`);
        }
        await aTimeout(10);
        s = await stats();
      }
      return s;
    },
    async close() {
      const { violations } = await stats();
      await fetch(`/fault/session/${info.id}`, { method: 'DELETE' });
      if (violations.length) throw new Error(`the fake API's exchanges broke the specification:\n  ${violations.join('\n  ')}`);
    },
  };
}
