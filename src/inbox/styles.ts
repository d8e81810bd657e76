import { css } from 'lit';
import { flowStyles } from '../shared/flow-styles.js';
import { fileListStyles } from '../shared/file-list.js';

// The flows' styles, and the statement list. Written compactly: this text ships as is.
export const styles = [
  flowStyles,
  fileListStyles,
  css`
[part~=connect]{background:var(--_a);color:var(--_o)}
`,
];
