/**
 * The API URLs of the server helpers: `{apiBase}{path}`, never in clear text off localhost.
 * @module
 */

/** The API origin used when `apiBase` is not given. */
export const DEFAULT_API_BASE = 'https://api.casparser.in';

/** `X-Request-ID` values passed on: `req_` and up to 100 letters, digits, `_` or `-`. */
export const REQUEST_ID = /^req_[\w-]{1,100}$/;

/**
 * `{apiBase}{path}`, refusing a base that would send the key in clear text.
 * @throws {TypeError} when `apiBase` is not an absolute `https:` URL (`http:` only on localhost)
 */
export function endpoint(apiBase: string, path: string): string {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new TypeError('cas-upload/server: `apiBase` must be an absolute URL.');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new TypeError('cas-upload/server: `apiBase` must use https: (http: only on localhost).');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`;
}
