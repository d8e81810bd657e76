import { css } from 'lit';
import { styles as uploadStyles } from '../upload/styles.js';

// `<cas-upload>`'s styles (the same --cas-upload-* custom properties, light and dark), and
// the fields and texts only this element has. Written compactly: this text ships as is.
export const styles = [
  uploadStyles,
  css`
.f input{padding:.5em .75em;border:1px solid var(--_l);border-radius:calc(var(--_r)*.6);background:none}
[aria-invalid=true]{border-color:var(--_d)!important}
[part=otp-input]{font-size:1.25em;letter-spacing:.2em;max-width:12ch}
[part=wait]{display:grid;gap:.25em}
dd{overflow-wrap:anywhere}
`,
];
