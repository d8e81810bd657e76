import { css } from 'lit';
import { flowStyles } from '../shared/flow-styles.js';

// The flows' styles, and what only this element has. Written compactly: this text ships as is.
export const styles = [
  flowStyles,
  css`
select{font:inherit;color:inherit;padding:.5em .75em;border:1px solid var(--_l);border-radius:calc(var(--_r)*.6);background:var(--_b)}
.dates{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,11rem),1fr));gap:calc(var(--_g)*.75)}
[part=upload]{background:var(--_a);color:var(--_o)}
`,
];
