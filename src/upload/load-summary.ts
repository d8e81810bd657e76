import type { summaryList } from './summary.js';

/**
 * Loads the success summary (`summary.ts`): in the npm build a chunk of its own
 * (`dist/chunks/upload-summary.js`). The script-tag build uses `load-summary.cdn.ts` in
 * place of this module (see vite.config.ts).
 */
export const loadSummaryList = (): Promise<typeof summaryList> => import('./summary.js').then((m) => m.summaryList);
