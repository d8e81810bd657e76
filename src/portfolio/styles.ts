import { css } from 'lit';

// Written compactly: this text ships as is. The same --cas-upload-* custom properties and
// light/dark defaults as <cas-upload> (light-dark(), chosen by color-scheme). Tables scroll
// inside themselves, so that the element fits 320 px without scrolling the page; below 480 px of
// the element's own width (a container query) a holdings table shows each row as its name, and
// beside it the value over the gain (.t), until the visitor asks for every column.
export const styles = css`
:host{--_a:var(--cas-upload-accent,light-dark(#0b63ce,#8ab4f8));--_t:var(--cas-upload-text,light-dark(#1a1d23,#e8eaed));--_m:var(--cas-upload-muted,light-dark(#5b6270,#b2b8c2));--_b:var(--cas-upload-background,light-dark(#fff,#1e2127));--_l:var(--cas-upload-border,light-dark(#8a919e,#6b7380));--_d:var(--cas-upload-danger,light-dark(#b3261e,#f2b8b5));--_s:var(--cas-upload-success,light-dark(#1b7a3a,#7fd49a));--_r:var(--cas-upload-radius,10px);--_g:var(--cas-upload-spacing,16px);display:block;min-width:0;padding:var(--_g);border:1px solid var(--_l);border-radius:var(--_r);background:var(--_b);color:var(--_t);font:var(--cas-upload-font,1rem/1.5 system-ui,sans-serif);overflow-wrap:anywhere;container-type:inline-size}
:host([hidden]){display:none}
*{box-sizing:border-box;margin:0}
section,[part=holdings],[part=insurance]{display:grid;grid-template-columns:minmax(0,1fr);gap:calc(var(--_g)*.75)}
section{gap:var(--_g)}
h2{font-size:1.3em}
h3{font-size:1.1em}
h4{font-size:1em;margin-top:calc(var(--_g)*.5)}
.m{color:var(--_m)}
b{display:block;font-size:1.8em;font-variant-numeric:tabular-nums}
.al{display:grid;gap:var(--_g);grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr));align-items:start}
.al>*{min-width:0}
svg{display:block;font-size:.875em;overflow:visible}
text{fill:currentColor}
rect{fill:var(--_a)}
.k{fill:color-mix(in srgb,var(--_l) 35%,transparent)}
.x{overflow-x:auto}
[part=holdings] .x,[part=insurance] .x{content-visibility:auto;contain-intrinsic-size:auto 10em}
table{width:100%;border-collapse:collapse;font-size:.9375em}
th,td{padding:.375em;border-bottom:1px solid var(--_l);text-align:start;vertical-align:top;font-weight:400}
thead th{font-weight:600;white-space:nowrap;vertical-align:bottom}
td{overflow-wrap:normal}
tbody th{min-width:9em}
[part=allocation-table] th{min-width:0;white-space:normal}
[part=allocation-table] thead th{overflow-wrap:normal}
[part=allocation-table] :is(th,td):first-child{padding-inline-start:0}
[part=allocation-table] :is(th,td):last-child{padding-inline-end:0}
.n{text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}
.up{color:var(--_s)}
.dn{color:var(--_d)}
button{font:inherit;color:inherit;cursor:pointer}
th button{padding:.25em;margin:-.25em;border:0;background:none;font-weight:600;text-align:inherit}
th span{margin-inline-start:.25em;color:var(--_m)}
[aria-sort] span{color:inherit}
.g,.g>*{display:block}
.g{min-width:min-content}
.g tr{display:grid;grid-template-columns:var(--c)}
.g tbody tr{content-visibility:auto;contain-intrinsic-size:auto 2.5em}
.w{display:none}
@container (width<480px){
.w{display:block;justify-self:start}
.t :is(table,thead,tbody){display:block}
.t table{min-width:0}
.t tr{display:grid;grid-template-columns:minmax(0,1fr) auto auto;gap:0 .75em;padding:.375em 0;border-bottom:1px solid var(--_l)}
.t tr>*{display:none;min-width:0;padding:0;border:0}
.t tr>:is(:first-child,.v,.g,.p){display:block}
.t tr>:first-child{grid-row:span 2}
.t .v{grid-column:2/4}
.t .g{grid-column:2}
.t .p{grid-column:3}
.t th button{margin:0}
}
[part=download],.more,.w{min-height:2.75em;padding:.5em 1em;border:1px solid var(--_a);border-radius:calc(var(--_r)*.6);background:none;color:var(--_a);font-weight:600}
:focus-visible{outline:3px solid var(--_a);outline-offset:2px}
@media (forced-colors:active){rect{fill:CanvasText}.k{fill:Canvas;stroke:CanvasText}text{fill:CanvasText}}
`;
