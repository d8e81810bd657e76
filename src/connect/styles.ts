import { css } from 'lit';

// The choice, with the same --cas-upload-* custom properties and light/dark defaults as the
// flows (their styles load with them). Written compactly: this text ships as is.
export const styles = css`
:host{--_a:var(--cas-upload-accent,light-dark(#0b63ce,#8ab4f8));--_t:var(--cas-upload-text,light-dark(#1a1d23,#e8eaed));--_m:var(--cas-upload-muted,light-dark(#5b6270,#b2b8c2));--_b:var(--cas-upload-background,light-dark(#fff,#1e2127));--_l:var(--cas-upload-border,light-dark(#8a919e,#6b7380));--_r:var(--cas-upload-radius,10px);--_g:var(--cas-upload-spacing,16px);display:block;max-width:32rem;color:var(--_t);font:var(--cas-upload-font,1rem/1.5 system-ui,sans-serif)}
:host([hidden]){display:none}
*{box-sizing:border-box;margin:0}
.c{display:grid;gap:calc(var(--_g)*.75);padding:var(--_g);border:1px solid var(--_l);border-radius:var(--_r);background:var(--_b)}
h2{font-size:1.15em}
p{color:var(--_m)}
ul{display:grid;gap:.5em;padding:0;list-style:none}
button{width:100%;display:grid;gap:.1em;min-height:2.75em;padding:.6em 1em;border:1px solid var(--_l);border-radius:calc(var(--_r)*.6);background:none;font:inherit;color:inherit;text-align:start;cursor:pointer}
button:hover{border-color:var(--_a)}
b{color:var(--_a)}
span{color:var(--_m)}
[part=back]{width:auto;display:inline-block;min-height:0;margin-bottom:.5em;padding:.25em .5em;border:0;background:var(--_b);color:var(--_a);font-weight:600}
:disabled{opacity:.6;cursor:not-allowed}
:focus-visible{outline:3px solid var(--_a);outline-offset:2px}
@media (forced-colors:active){button{border-color:ButtonText}}
`;
