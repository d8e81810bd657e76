import type { Plugin } from 'vite';
/** The Vite plugin that keeps the side effects of the src/ modules that register an element. */
export function keepRegistrations(): Plugin;
