/**
 * Adapter from a Fetch API handler to a `node:http` / Express listener. It imports nothing from
 * Node: the request and response are described structurally, so `IncomingMessage` and
 * `ServerResponse` (and Express's `req`/`res`) fit, and no `@types/node` is needed.
 * @module
 */

/** The parts of `http.IncomingMessage` (or an Express `req`) that {@link toNodeListener} reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array> {
  /** HTTP method. */
  method?: string;
  /** Path and query. */
  url?: string;
  /** Express: the URL before mounting stripped a prefix. */
  originalUrl?: string;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The connection; its address is passed to the handler as `clientAddress`. */
  socket?: { remoteAddress?: string; encrypted?: boolean } | null;
  /** True once the body was read (for example by a body parser). */
  readableEnded?: boolean;
}

/** The parts of `http.ServerResponse` (or an Express `res`) that {@link toNodeListener} writes. */
export interface NodeResponseLike {
  /** Status code to send. */
  statusCode: number;
  /** Sets a response header. */
  setHeader(name: string, value: string | string[]): unknown;
  /** Sends the body and ends the response. */
  end(chunk?: string | Uint8Array): unknown;
}

/** A `node:http` request listener that is also an Express handler (errors go to `next` when given). */
export type NodeListener = (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void) => void;

/**
 * Wraps a Fetch API handler (such as the one from `createTokenHandler`) for `node:http`
 * (`http.createServer(toNodeListener(handler))`) and Express
 * (`app.get('/api/cas-token', toNodeListener(handler))`). The request body is streamed to the
 * handler unless a body parser already read it. The handler's second argument is
 * `{ clientAddress }`, the socket's remote address (forwarding headers are left to the
 * handler's `trustProxy`).
 */
export function toNodeListener(
  handler: (request: Request, info: { clientAddress?: string }) => Response | Promise<Response>,
): NodeListener {
  return (req, res, next) => {
    let request: Request;
    try {
      request = toRequest(req);
    } catch {
      return send(res, 400, { error: 'bad-request', message: 'The request could not be read.' });
    }
    Promise.resolve()
      .then(() => handler(request, { clientAddress: req.socket?.remoteAddress }))
      .then(async (response) => {
        const body = new Uint8Array(await response.arrayBuffer());
        res.statusCode = response.status;
        response.headers.forEach((value, name) => name !== 'set-cookie' && res.setHeader(name, value));
        const cookies = response.headers.getSetCookie?.() ?? [];
        if (cookies.length) res.setHeader('set-cookie', cookies);
        res.end(body);
      })
      .catch((error: unknown) => {
        if (next) next(error);
        else send(res, 500, { error: 'internal-error', message: 'The token endpoint failed.' });
      });
  };
}

function toRequest(req: NodeRequestLike): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue; // skip HTTP/2 pseudo-headers
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const base = `${req.socket?.encrypted ? 'https' : 'http'}://${headers.get('host') ?? 'localhost'}`;
  const path = req.originalUrl ?? req.url ?? '/';
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    url = new URL(path, 'http://localhost');
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && !req.readableEnded;
  return new Request(url, {
    method,
    headers,
    body: hasBody ? streamOf(req) : null,
    duplex: 'half', // required by Node's fetch for a streamed body
  } as RequestInit);
}

/** A lazy stream over the request body: nothing is read unless the handler reads the body. */
function streamOf(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
}

function send(res: NodeResponseLike, status: number, body: { error: string; message: string }): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}
