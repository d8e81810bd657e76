import type { CasUploadStrings } from './en.js';
import { besideScript } from '../shared/beside-script.js';

/**
 * The script-tag build's Hindi loader, in place of `load-hi.ts` (vite.config.ts, mode `cdn`).
 * Hindi is not in `cas-upload.js` or `cas-upload.iife.js`: it is `cas-upload.hi.js`, an ES
 * module exporting `hi`, imported from the folder of the script (`shared/script-base.ts`).
 */
export const loadHi = (): Promise<CasUploadStrings> => besideScript<{ hi: CasUploadStrings }>('cas-upload.hi.js').then((m) => m.hi);
