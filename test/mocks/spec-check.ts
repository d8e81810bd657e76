/**
 * Every answer the msw mocks give in a browser test, and every request body the elements send
 * them, held against the project's JSON Schema of the official specification
 * (test/spec/casparser-api.schema.json) by a web-test-runner command that runs in Node
 * (test/spec/check.mjs). `serveMocks()` (test/helpers.ts) watches its worker with
 * {@link watchSpec} and fails the test after which a mock broke the specification.
 *
 * An answer that breaks it on purpose (a proxy's HTML page, a malformed body: what the element
 * must survive) says so with {@link offSpec}; its request is still checked.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { SetupWorker } from 'msw/browser';

/** The response header that marks an answer as off the specification on purpose: its value says why. */
export const OFF_SPEC = 'x-cas-off-spec';

/** `response` marked as breaking the specification on purpose, for `reason`. */
export function offSpec<R extends Response>(reason: string, response: R): R {
  response.headers.set(OFF_SPEC, reason);
  return response;
}

/** Why the current test sends requests off the specification on purpose, if it does. */
let excused: string | undefined;

/**
 * The current test sends requests off the specification on purpose (a host's setting such as
 * `file-field="file"`), for `reason`: its exchanges are not held against it.
 */
export function excuseRequests(reason: string): void {
  excused = reason;
}

/** One exchange as test/spec/check.mjs takes it. */
interface Exchange {
  method: string;
  path?: string;
  endpoint?: string;
  headers: Record<string, string>;
  request?: unknown;
  status: number;
  answer: unknown;
  offSpec?: string;
}

/** The body of `request` as sent: `null` for none, JSON, or the multipart fields. */
async function bodyOf(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const fields: Record<string, unknown> = {};
    (await request.formData()).forEach((v, k) => {
      fields[k] = typeof v === 'string' ? v : { name: v.name, size: v.size, type: v.type };
    });
    return fields;
  }
  const text = await request.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The exchange of a mocked request and its answer. */
export async function exchangeOf(request: Request, response: Response): Promise<Exchange> {
  const url = new URL(request.url);
  const own = url.origin === location.origin;
  const text = await response.text();
  let answer: unknown = text;
  try {
    answer = JSON.parse(text);
  } catch {
    /* the text, as it came */
  }
  return {
    method: request.method,
    ...(own ? { endpoint: 'host-token' } : { path: url.pathname, request: await bodyOf(request) }),
    headers: Object.fromEntries(request.headers),
    status: response.status,
    answer,
    offSpec: response.headers.get(OFF_SPEC) ?? undefined,
  };
}

/** What broke the specification in `exchange`, as the Node side says. */
export async function violationsOf(exchange: Exchange): Promise<string[]> {
  return ((await executeServerCommand('api-spec-check', exchange)) as string[] | undefined) ?? ['the api-spec-check command is not installed'];
}

/**
 * Watches `worker`: each mocked answer (and its request) is checked. `settle()` waits for the
 * checks of the answers so far and returns what broke the specification since the last call.
 */
export function watchSpec(worker: Pick<SetupWorker, 'events'>): { settle(): Promise<string[]> } {
  let pending: Promise<string[]>[] = [];
  // A request is excused (or not) by the test that sent it: its answer's event may come after
  // that test has ended, when another test's excuse (or none) is in force.
  const excuses = new Map<string, string | undefined>();
  worker.events.on('request:start', ({ requestId }) => void excuses.set(requestId, excused));
  worker.events.on('response:mocked', ({ request, requestId, response }) => {
    const why = excuses.has(requestId) ? excuses.get(requestId) : excused;
    excuses.delete(requestId);
    if (request.method === 'OPTIONS') return;
    const checked = exchangeOf(request.clone(), response.clone()).then(violationsOf, (e) => [`could not read the exchange: ${e}`]);
    pending.push(why ? checked.then(() => []) : checked);
  });
  return {
    async settle() {
      const now = pending;
      pending = [];
      excused = undefined;
      return (await Promise.all(now)).flat();
    },
  };
}
