import { css } from 'lit';
import { flowStyles } from '../shared/flow-styles.js';

// The flows' styles, and the statement list. Written compactly: this text ships as is.
export const styles = [
  flowStyles,
  css`
[part=file-list]{display:grid;gap:.5em;padding:0;list-style:none}
[part=file-list] button{width:100%;display:grid;text-align:start;gap:.1em}
[part~=connect]{background:var(--_a);color:var(--_o)}
`,
];
