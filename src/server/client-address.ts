/**
 * The rate-limit key of a request: the client's address, from the connection (or from
 * `X-Forwarded-For` behind a configured number of trusted proxies), with IPv6 taken by /64.
 * @module
 */

/**
 * What the runtime knows about the connection: the second argument of the handler.
 * `toNodeListener` passes it; in other runtimes pass `{ clientAddress }` yourself. Deno's
 * `Deno.serve` second argument (`remoteAddr`) and Bun's `server` (`requestIP`) are read as well.
 */
export interface ClientInfo {
  /** The address of the peer of the connection (the socket), such as `203.0.113.7` or `2001:db8::1`. */
  clientAddress?: string | null;
  /** Deno (`Deno.serve((request, info) => …)`): `info.remoteAddr.hostname`. */
  remoteAddr?: { hostname?: string };
  /** Bun (`Bun.serve({ fetch(request, server) … })`): `server.requestIP(request)?.address`. */
  requestIP?: (request: Request) => { address?: string } | null | undefined;
}

/**
 * The client's address: the connection's peer when `trustProxy` is 0; behind `trustProxy`
 * proxies, the address that the outermost of them saw, read from the right of
 * `X-Forwarded-For` (Express's `trust proxy` with a hop count). `undefined` when unknown.
 */
export function clientAddressOf(request: Request, info: ClientInfo | undefined, trustProxy: number): string | undefined {
  const peer = (info?.clientAddress ?? info?.remoteAddr?.hostname ?? info?.requestIP?.(request)?.address)?.trim() || undefined;
  if (!trustProxy) return peer;
  const hops = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // The chain from the client to us: each proxy appended the address it was reached from, and
  // the peer is the last proxy (unknown in runtimes that do not say it). Hops beyond the trusted
  // ones may be forged, so the client is the first untrusted hop from the right.
  const chain: (string | undefined)[] = [...hops, peer];
  return chain[Math.max(0, chain.length - 1 - trustProxy)];
}

/** The rate-limit key of an address: IPv4 as is, IPv6 by its /64 (one household or one host). */
export function rateKeyOf(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a); // [v6]:port
  if (bracketed) a = bracketed[1]!;
  a = a.replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1').replace(/%.*$/, ''); // v4:port, v6 zone
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) return mapped[1]!;
  if (!a.includes(':')) return a.slice(0, 100);
  let host: string;
  try {
    host = new URL(`http://[${a}]/`).hostname.slice(1, -1); // canonical, compressed, lower case
  } catch {
    return a.slice(0, 100);
  }
  const [head = '', tail] = host.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).join(':')}::/64`;
}
