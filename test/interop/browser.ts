// The Chromium the Node-driven browser tests launch (scripts/chromium.mjs).
export { findChromium, chromiumArgs } from '../../scripts/chromium.mjs';
