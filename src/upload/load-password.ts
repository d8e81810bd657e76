/**
 * Loads the password check (`core/pdf-password.ts`): in the npm build a chunk of its own
 * (`dist/chunks/core-pdf-password.js`). The script-tag build uses `load-password.cdn.ts` in
 * place of this module (see vite.config.ts).
 */
export const loadPasswordCheck = (): Promise<typeof import('../core/pdf-password.js')> => import('../core/pdf-password.js');
