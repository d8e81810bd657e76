import type { checkPdfPassword } from '../core/pdf-password.js';

/**
 * Loads the password check (`core/pdf-password.ts`): in the npm build a chunk of its own
 * (`dist/chunks/core-pdf-password.js`). The script-tag build uses `load-password.cdn.ts` in
 * place of this module (see vite.config.ts).
 */
export const loadPasswordCheck = (): Promise<typeof checkPdfPassword> => import('../core/pdf-password.js').then((m) => m.checkPdfPassword);
