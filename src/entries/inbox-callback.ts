/**
 * `cas-upload/inbox-callback` (also `dist/cdn/cas-inbox-callback.js`): what the host's OAuth
 * return page (`redirect-url` of `<cas-inbox>`) runs. It reads `inbox_token` and `state` (or
 * `error` and `state`) from the address, takes them out of the address bar (the browser's
 * history of visited pages keeps the address it arrived at: see docs/connect.md), hands them to
 * the window that opened it with `postMessage` aimed at its own origin (so only a page of the
 * same origin receives them), and also on a `BroadcastChannel` named by the `state` (a consent
 * page that sends `Cross-Origin-Opener-Policy` cuts the link to the opener; a channel reaches
 * pages of the same origin only), then closes the window.
 */
export {};

const query = new URLSearchParams(location.search);
const state = query.get('state') ?? '';
const token = query.get('inbox_token');
const message = token ? { inbox_token: token, state } : { error: query.get('error') || 'no_token', state };
// Out of the address bar, and out of this tab's back and forward list (not out of the
// browser's history of visited pages, which no page can edit).
history.replaceState(null, '', location.pathname + location.hash);
if (state) {
  opener?.postMessage(message, location.origin);
  const channel = new BroadcastChannel(`cas-inbox:${state}`);
  channel.postMessage(message);
  channel.close();
  close();
}
