import type { summaryList } from './summary.js';
import { besideScript } from '../shared/beside-script.js';

/**
 * The script-tag build's summary loader, in place of `load-summary.ts` (vite.config.ts, mode
 * `cdn`): `cas-upload.summary.js`, from the folder of the script, as for Hindi.
 */
export const loadSummaryList = (): Promise<typeof summaryList> =>
  besideScript<{ summaryList: typeof summaryList }>('cas-upload.summary.js').then((m) => m.summaryList);
