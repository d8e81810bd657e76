import { css } from 'lit';
import { styles } from './styles.js';

// The form styles (the same --cas-upload-* custom properties, light and dark), and the fields
// and texts the flows without a PDF in hand add (the OTP field of <cas-cdsl-fetch> among them:
// one sheet for the three is smaller than a sheet each). Written compactly: this text ships as is.
export const flowStyles = [
  styles,
  css`
.f input{min-width:0;padding:.5em .75em;border:1px solid var(--_l);border-radius:calc(var(--_r)*.6);background:none}
[aria-invalid=true]{border-color:var(--_d)!important}
[part=otp-input]{font-size:1.25em;letter-spacing:.2em;max-width:12ch}
[part=wait]{display:grid;gap:.25em}
[aria-disabled=true]{opacity:.6;cursor:not-allowed}
dd{overflow-wrap:anywhere}
`,
];
