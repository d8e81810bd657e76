// The demo's OAuth return page: what a host's page runs (`cas-upload/inbox-callback`).
import '../src/entries/inbox-callback.js';
