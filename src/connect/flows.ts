/**
 * Every flow of `<cas-connect>` registered, with their classes and the headless client:
 * `dist/cdn/cas-connect.js` loads this after `<cas-connect>` is defined (its `ready`), so the
 * choice renders before the flows have arrived.
 */
import '../upload/define.js';
import '../cdsl-fetch/define.js';
import '../inbox/define.js';
import '../mailback/define.js';
import '../forward/define.js';

export { CasUploadElement, version } from '../upload/element.js';
export { CasCdslFetchElement } from '../cdsl-fetch/element.js';
export { CasInboxElement } from '../inbox/element.js';
export { CasMailbackElement } from '../mailback/element.js';
export { CasForwardElement } from '../forward/element.js';
export * from '../core/index.js';
