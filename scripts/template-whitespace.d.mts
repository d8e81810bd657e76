import type { Plugin } from 'vite';
/** The code with the line breaks of its `html` templates taken out, and its source map; `null` when unchanged. */
export function collapseTemplates(code: string, id?: string): { code: string; map: unknown } | null;
/** The Vite plugin that applies {@link collapseTemplates} to the sources after TypeScript is compiled. */
export function templateWhitespace(): Plugin;
