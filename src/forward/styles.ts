import { css } from 'lit';
import { flowStyles } from '../shared/flow-styles.js';
import { fileListStyles } from '../shared/file-list.js';

// The flows' styles, the statement list, and the address with its copy button. The address is
// one long word: it wraps anywhere, and a tap selects it whole. Written compactly: this text
// ships as is.
export const styles = [
  flowStyles,
  fileListStyles,
  css`
[part=address]{padding:.5em .75em;border:1px dashed var(--_l);border-radius:calc(var(--_r)*.6);font-family:ui-monospace,monospace;font-weight:600;overflow-wrap:anywhere;user-select:all}
[part~=start]{background:var(--_a);color:var(--_o)}
.s{display:grid;gap:.1em;padding-inline-start:1.25em}
.s b{font-weight:600}
.s span,.s b{overflow-wrap:anywhere}
`,
];
