/**
 * `cas-upload/connect`: registers `<cas-connect>` and every flow it offers (`<cas-upload>`,
 * `<cas-cdsl-fetch>`, `<cas-inbox>`, `<cas-mailback>`), and exports their classes and the
 * headless client.
 */
import './define.js';

export * from './flows.js';
export { CasConnectElement } from './cas-connect-element.js';
export type { CasConnectMethod, CasConnectState } from './cas-connect-element.js';
export { en as connectEn, type CasConnectStrings } from './en.js';
export type * from '../events.js';
