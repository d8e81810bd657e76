import type { summaryList } from './cas-upload-summary.js';
import { besideScript } from './i18n/load-hi.cdn.js';

/**
 * The script-tag build's summary loader, in place of `load-summary.ts` (vite.config.ts, mode
 * `cdn`): `cas-upload.summary.js`, from the folder of the script, as for Hindi.
 */
export const loadSummaryList = (): Promise<typeof summaryList> =>
  besideScript<{ summaryList: typeof summaryList }>('cas-upload.summary.js').then((m) => m.summaryList);
