import type { summaryList } from './cas-upload-summary.js';

/**
 * Loads the success summary (`cas-upload-summary.ts`): in the npm build a chunk of its own
 * (`dist/chunks/cas-upload-summary.js`). The script-tag build uses `load-summary.cdn.ts` in
 * place of this module (see vite.config.ts).
 */
export const loadSummaryList = (): Promise<typeof summaryList> => import('./cas-upload-summary.js').then((m) => m.summaryList);
