// <cas-cdsl-fetch>'s styles are the flows' (src/shared/flow-styles.ts), its OTP field among them.
export { flowStyles as styles } from '../shared/flow-styles.js';
