import { css } from 'lit';

// The form styles of every element (<cas-upload>'s own, and the base of each flow's). Written
// compactly: this text ships as is. The --cas-upload-* custom properties are
// documented on the element class; --_x hold their values, with a light and a dark default
// (light-dark(), chosen by the color-scheme the element inherits: light on a page that does not
// opt in to dark, the visitor's preference on one that says `color-scheme: light dark`, dark
// where the page or the element says `color-scheme: dark`).
export const styles = css`
:host{--_a:var(--cas-upload-accent,light-dark(#0b63ce,#8ab4f8));--_o:var(--cas-upload-on-accent,light-dark(#fff,#0b1a33));--_t:var(--cas-upload-text,light-dark(#1a1d23,#e8eaed));--_m:var(--cas-upload-muted,light-dark(#5b6270,#b2b8c2));--_b:var(--cas-upload-background,light-dark(#fff,#1e2127));--_l:var(--cas-upload-border,light-dark(#8a919e,#6b7380));--_d:var(--cas-upload-danger,light-dark(#b3261e,#f2b8b5));--_s:var(--cas-upload-success,light-dark(#1b7a3a,#7fd49a));--_r:var(--cas-upload-radius,10px);--_g:var(--cas-upload-spacing,16px);display:block;max-inline-size:32rem;padding:var(--_g);border:1px solid var(--_l);border-radius:var(--_r);background:var(--_b);color:var(--_t);font:var(--cas-upload-font,1rem/1.5 system-ui,sans-serif)}
:host([hidden]){display:none}
*{box-sizing:border-box;margin:0}
form,[part=summary]{display:grid;gap:calc(var(--_g)*.75)}
fieldset{display:contents}
.f{display:grid;gap:.25em}
[part=heading],label,[part=file],dd,[part=error],#ok{font-weight:600}
[part=heading]{font-size:1.15em}
[part=dropzone]{display:flex;flex-wrap:wrap;align-items:center;gap:.5em 1em;padding:var(--_g);border:2px dashed var(--_l);border-radius:var(--_r)}
.over{border-style:solid;border-color:var(--_a);background:color-mix(in srgb,var(--_a) 12%,transparent)}
[part=file]{overflow-wrap:anywhere}
.m,dt{color:var(--_m);font-weight:400}
input,button{font:inherit;color:inherit}
#pw{padding:.5em .75em;border:1px solid var(--_l);border-radius:calc(var(--_r)*.6);background:none}
[type=checkbox]{width:24px;height:24px;margin-inline-end:.4em;vertical-align:middle;accent-color:var(--_a)}
button{min-height:2.75em;padding:.5em 1em;border:1px solid var(--_a);border-radius:calc(var(--_r)*.6);background:none;color:var(--_a);font-weight:600;cursor:pointer}
[part=choose],[part=submit],[part=retry],[part=another]{background:var(--_a);color:var(--_o)}
:disabled{opacity:.6;cursor:not-allowed}
:focus-visible{outline:3px solid var(--_a);outline-offset:2px}
[tabindex]{outline-offset:6px}
.a{display:flex;flex-wrap:wrap;gap:.5em}
progress{width:100%;height:.75em;accent-color:var(--_a)}
div[part=progress]{height:.75em;border-radius:.375em;background:color-mix(in srgb,var(--_l) 40%,transparent);overflow:hidden}
[part=progress] i{display:block;height:100%;background:var(--_a);transform:scaleX(0);transform-origin:0 0;will-change:transform}
i:dir(rtl){transform-origin:100% 0}
.parsing{animation:p 1.5s infinite alternate}
@keyframes p{to{opacity:.4}}
[part=error],.d{color:var(--_d);padding-inline-start:.75em;border-inline-start:4px solid}
#ok{color:var(--_s)}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25em 1em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}
@media (forced-colors:active){button,[part=dropzone]{border-color:ButtonText}div[part=progress]{border:1px solid CanvasText}[part=progress] i{height:0;border-top:.75em solid}}
`;
