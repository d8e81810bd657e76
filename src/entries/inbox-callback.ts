/**
 * `cas-upload/inbox-callback` (also `dist/cdn/cas-inbox-callback.js`): what the host's OAuth
 * return page (`redirect-url` of `<cas-inbox>`) runs. It reads `inbox_token` and `state` (or
 * `error` and `state`) from the address, removes them from the address bar and the history,
 * hands them to the window that opened it with `postMessage` aimed at its own origin (so only
 * a page of the same origin receives them), and closes the window.
 */
export {};

const query = new URLSearchParams(location.search);
const state = query.get('state') ?? '';
const token = query.get('inbox_token');
const message = token ? { inbox_token: token, state } : { error: query.get('error') || 'no_token', state };
// The token must not stay in the address bar or the history.
history.replaceState(null, '', location.pathname + location.hash);
if (state && opener) {
  opener.postMessage(message, location.origin);
  close();
}
