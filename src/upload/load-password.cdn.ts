import { besideScript } from '../shared/beside-script.js';

/**
 * The script-tag build's loader of the password check, in place of `load-password.ts`
 * (vite.config.ts): `cas-upload.password.js`, from the folder of the script, as for Hindi.
 */
export const loadPasswordCheck = (): Promise<typeof import('../core/pdf-password.js')> => besideScript('cas-upload.password.js');
