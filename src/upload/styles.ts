// <cas-upload>'s styles are the form styles every element builds on (src/shared/styles.ts):
// the drop zone, the file and its password are the first form of the package.
export { styles } from '../shared/styles.js';
