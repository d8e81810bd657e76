/**
 * Browser side of the resilience tests: sessions on the real local servers of
 * `scripts/fault-servers.mjs`, a guard that records what the page logs and throws, and the
 * leak check. Pages that import this talk to real servers only (no msw).
 */
import { expect, aTimeout } from '@open-wc/testing';

/** One answer of the token endpoint (see scripts/fault-servers.mjs). */
export interface TokenStep {
  status?: number;
  body?: unknown;
  expiresIn?: number;
  delayMs?: number;
  hang?: boolean;
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
  apiRequests: number;
  apiAborted: number;
  preflights: number;
  requests: SeenRequest[];
}

/** A scripted pair of servers: the token URL on this origin, the API on another. */
export interface Session {
  id: string;
  tokenUrl: string;
  apiBase: string;
  apiOrigin: string;
  /** A URL where nothing listens (connection refused). */
  refusedUrl: string;
  stats(): Promise<Stats>;
  /** Waits until `test(stats)` holds (at most `ms`), then returns the stats. */
  until(test: (s: Stats) => boolean, ms?: number): Promise<Stats>;
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
    async until(test, ms = 2000) {
      const end = Date.now() + ms;
      let s = await stats();
      while (!test(s) && Date.now() < end) {
        await aTimeout(10);
        s = await stats();
      }
      return s;
    },
    async close() {
      await fetch(`/fault/session/${info.id}`, { method: 'DELETE' });
    },
  };
}

/** Everything the page logged, threw or left unhandled since it loaded. */
export const page = {
  console: [] as string[],
  errors: [] as string[],
};

for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    page.console.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message} ${a.stack}` : safeString(a))).join(' '));
    original(...args);
  };
}
window.addEventListener('error', (e) => page.errors.push(`uncaught: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => page.errors.push(`unhandled rejection: ${safeString(e.reason)}`));

function safeString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Fails when anything went uncaught or unhandled on the page. */
export function expectNoPageErrors(): void {
  expect(page.errors, 'uncaught errors and unhandled rejections').to.deep.equal([]);
}

/** A PDF-looking file of `size` bytes (at least the header). */
export function pdf(name = 'cas.pdf', size = 2048): File {
  const head = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n');
  const body = new Uint8Array(Math.max(size, head.length));
  body.set(head);
  body.fill(0x20, head.length);
  return new File([body], name, { type: 'application/pdf' });
}

/** A random secret-looking string with a recognisable prefix. */
export function secret(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 10)}Z${Date.now().toString(36)}`;
}

/** An event as the page saw it. */
export interface SeenEvent {
  type: string;
  detail: unknown;
}

/** Records every `cas-upload-*` event of `el`, in order, into `seen`. */
export function record(el: HTMLElement, seen: SeenEvent[] = []): SeenEvent[] {
  for (const type of ['select', 'start', 'progress', 'success', 'error', 'cancel']) {
    el.addEventListener(`cas-upload-${type}`, (e) => seen.push({ type: e.type, detail: (e as CustomEvent).detail }));
  }
  return seen;
}

/** Settles a promise into a value or an error, so that no rejection is ever left unhandled. */
export async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: { code?: string; message: string } & Record<string, unknown> }> {
  try {
    return { value: await p };
  } catch (error) {
    return { error: error as { code?: string; message: string } };
  }
}

/** Every attribute of `root` and its descendants, shadow trees included. */
function attributesOf(root: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const a of el.attributes) out.push(`${a.name}=${a.value}`);
    if (el instanceof HTMLInputElement) out.push(`value=${el.value}`);
    for (const child of el.children) walk(child);
    if (el.shadowRoot) for (const child of el.shadowRoot.children) walk(child);
  };
  walk(root);
  return out;
}

function storage(s: Storage): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i)!;
    out.push(`${k}=${s.getItem(k)}`);
  }
  return out;
}

/**
 * Fails when a secret (password or token) appears in an event detail, an attribute (the
 * document and every shadow tree), the element's text, a console message, an error message,
 * localStorage, sessionStorage or document.cookie.
 */
export function expectNoLeaks(secrets: string[], where: { events: SeenEvent[]; errors?: unknown[]; el?: Element }): void {
  const places: Record<string, string> = {
    'event details': safeString(where.events.map((e) => ({ type: e.type, detail: e.detail }))),
    attributes: attributesOf(document.documentElement).join('\n'),
    'element attributes and text': where.el
      ? `${attributesOf(where.el).join('\n')}\n${where.el.shadowRoot?.textContent ?? ''}${where.el.textContent ?? ''}`
      : '',
    console: page.console.join('\n'),
    'error messages': (where.errors ?? [])
      .map((e) => (e && typeof e === 'object' ? `${(e as Error).message} ${String(e)} ${JSON.stringify(e)}` : String(e)))
      .join('\n'),
    localStorage: storage(localStorage).join('\n'),
    sessionStorage: storage(sessionStorage).join('\n'),
    'document.cookie': document.cookie,
  };
  for (const s of secrets.filter(Boolean)) {
    for (const [place, text] of Object.entries(places)) {
      expect(text.includes(s), `${place} must not contain the secret ${s.slice(0, 6)}…`).to.equal(false);
    }
  }
}
