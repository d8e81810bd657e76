// The demo's OAuth return page: what a host's page runs (`cas-upload/inbox-callback`).
import '../src/inbox-callback.js';
