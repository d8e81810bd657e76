// Size budgets, checked by `npm run size` (size-limit) after `npm run build`; CI fails when one
// is exceeded (.ci/run). Sizes are gzip -9 of the minified code, 1 KiB = 1024 B.
// One row per file or entry: add a row with `cdn(...)` (a prebuilt script-tag file, measured
// as it is) or `npm(...)` (an npm entry, bundled by esbuild as a bundler would ship it).
// A row without a limit is measured and shown in docs/size.md, not enforced. `path` may also be
// a list or a glob, summed: for example a file and the chunks it loads,
//   cdn('dist/cdn/cas-connect.js (first render)', 'dist/cdn/cas-connect.js', '20 KiB'),
//   cdn('dist/cdn/cas-connect.js and its chunks (total)', ['dist/cdn/cas-connect.js', 'dist/cdn/cas-connect-*.js'], '28 KiB'),

/** Leaves `import()`ed chunks (languages loaded on demand) apart, as the browser fetches them only when used. */
const lazyChunksApart = {
  name: 'lazy-chunks-apart',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/** A prebuilt file in dist/cdn, measured byte for byte (@size-limit/file). */
const cdn = (name, path, limit) => ({ name, path, limit, gzip: true, disablePlugins: ['@size-limit/esbuild'] });

/**
 * An npm entry: the built file and what it imports statically, minified by esbuild, with Lit,
 * @lit/react and React left out (the user's bundler shares them) and lazy chunks apart.
 */
const npm = (name, path, limit, imports) => ({
  name,
  path,
  limit,
  // Only these exports, as a bundler that drops the rest ships them (size-limit's `import`).
  ...(imports && { import: { [path]: imports } }),
  gzip: true,
  ignore: ['lit', '@lit/react', '@lit/reactive-element', 'lit-html', 'lit-element', 'react', 'node:*'],
  modifyEsbuildConfig: (config) => ({ ...config, format: 'esm', target: 'es2022', logLevel: 'error', plugins: [lazyChunksApart] }),
});

export default [
  // 14.95 KiB (15309 B) + 78 B: the loader of the password check, measured (the check itself is cas-upload.password.js).
  // +98 B (15392 → 15490 B): the console warning when the API sends no answer (CORS or the network), once per page.
  // + 4 B: the 24 px "Show password" checkbox (WCAG 2.2 target size) and the h2 heading, measured.
  // +115 B: server-rendered markup of "Show password" and the mailback period (shared/prop.ts, no `checked="false"`), measured (Lit's directive class, not in this file before).
  // +120 B: upload progress drawn at most once a second (a timer for the latest bytes, a step drawn with its announcement) and one timeout timer per upload, measured.
  cdn('dist/cdn/cas-upload.js (Lit and English)', 'dist/cdn/cas-upload.js', '16296 B'),
  cdn('dist/cdn/cas-upload.iife.js (Lit and English)', 'dist/cdn/cas-upload.iife.js'),
  cdn('dist/cdn/cas-upload.hi.js (Hindi, loaded on demand)', 'dist/cdn/cas-upload.hi.js'),
  cdn('dist/cdn/cas-upload.summary.js (the success summary, loaded when an upload starts)', 'dist/cdn/cas-upload.summary.js'),
  cdn('dist/cdn/cas-upload.password.js (the password check, loaded when a file is chosen)', 'dist/cdn/cas-upload.password.js', '3.3 KiB'),
  npm('dist/chunks/core-pdf-password.js (the password check: the npm chunk <cas-upload> loads, and checkPdfPassword of cas-upload/core)', 'dist/chunks/core-pdf-password.js', '3.3 KiB'),
  // 9.35 KiB (9574 B) + 97 B: the loader of the password check and uploadCas's checkPassword step, measured.
  // + 2 B: the 24 px checkbox, measured.
  // +81 B: server-rendered markup of "Show password" and the mailback period (shared/prop.ts, no `checked="false"`), measured.
  // +128 B: upload progress drawn at most once a second and one timeout timer per upload, measured.
  npm('cas-upload/element (CasUploadElement alone: element + core, no Lit)', 'dist/element.js', '10569 B', '{ CasUploadElement }'),
  npm('cas-upload/element (every export)', 'dist/element.js'),
  // 3.6 → 3.63 KiB: uploadCas's checkPassword step (+36 B measured); 3.63 KiB → 3806 B: the
  // console warning when the API sends no answer (+89 B measured; element +105 B, cdsl-fetch +113 B,
  // forward 11.1 KiB → 11464 B: +118 B, cas-forward.js 16.25 KiB → 16739 B: +109 B).
  // +39 B: one timeout timer per upload, not one per progress event (each event notes its time), measured.
  npm('cas-upload/core (uploadCas alone: what an upload-only page ships)', 'dist/core.js', '3924 B', '{ uploadCas }'),
  npm('cas-upload/core (every flow)', 'dist/core.js'),
  npm('cas-upload', 'dist/index.js'),
  npm('cas-upload/react (CasUpload alone, no React, no Lit)', 'dist/react.js', undefined, '{ CasUpload }'),
  npm('cas-upload/react (no React, no Lit)', 'dist/react.js'),
  npm('cas-upload/server (server only)', 'dist/server.js'),
  npm('cas-upload/server/redis (server only)', 'dist/server-redis.js'),
  // 12043 B + 290 B: the narrow holdings view (name and value rows below 480 px, "All columns"), measured.
  // +21 B: this copy runs from chunks/ and finds cas-portfolio.hi.js in the folder above (shared/script-base.ts, `__CAS_IN_CHUNKS__`), measured.
  // +949 B: large holdings tables (rows as fixed-width grids with content-visibility, built in
  // slices per frame, moved by index, lines read from the statement on demand), measured.
  // +39 B: those columns sharing the table's width (text columns in proportion, numbers fixed), so a table fits where it did, measured.
  cdn('dist/cdn/chunks/portfolio-alone.js (<cas-portfolio> with Lit and English: a page without cas-connect.js)', 'dist/cdn/chunks/portfolio-alone.js', '13342 B'),
  // The script-tag file chooses the copy of the element (src/entries/cdn/cas-portfolio.ts).
  cdn('dist/cdn/cas-portfolio.js (no element: loads one of the copies)', 'dist/cdn/cas-portfolio.js', '512 B'),
  cdn('dist/cdn/chunks/portfolio-on-connect.js (<cas-portfolio> with Lit and its base from cas-connect.js)', 'dist/cdn/chunks/portfolio-on-connect.js'),
  // One Lit and one base on the page (issue 28's aim: 19,500 B).
  cdn(
    'dist/cdn/cas-connect.js + cas-portfolio.js (one page, before any flow loads)',
    ['dist/cdn/cas-connect.js', 'dist/cdn/cas-portfolio.js', 'dist/cdn/chunks/portfolio-on-connect.js'],
    '19500 B',
  ),
  cdn('dist/cdn/cas-portfolio.iife.js (Lit and English)', 'dist/cdn/cas-portfolio.iife.js'),
  cdn('dist/cdn/cas-portfolio.hi.js (Hindi, loaded on demand)', 'dist/cdn/cas-portfolio.hi.js'),
  npm('cas-upload/portfolio (no Lit)', 'dist/portfolio.js'),
  // 20 KiB → 11.5 KiB: one file (11,505 B), without the request code; 13,273 B with its chunk before, measured.
  cdn('dist/cdn/cas-connect.js (what loads before <cas-connect> first renders)', 'dist/cdn/cas-connect.js', '11.5 KiB'),
  // +236 B: <cas-connect> leaves inbox out in an app's WebView (allow-webview-inbox) and warns once when inbox lacks redirect-url, measured.
  // +154 B: prefill shown in the fields of <cas-cdsl-fetch> and <cas-mailback> (shared/details.ts), measured.
  // +56 B: server-rendered markup of "Show password" and the mailback period (shared/prop.ts, no `checked="false"`), measured.
  // The upload progress drawn at most once a second (+97 B, measured) fits: cas-connect.js holding Lit and the base made the total smaller.
  cdn(
    'dist/cdn/cas-connect.js and every flow behind it (total)',
    ['dist/cdn/cas-connect.js', 'dist/cdn/chunks/flows-*.js'],
    '33144 B',
  ),
  cdn('dist/cdn/cas-connect.iife.js (every element, classic script)', 'dist/cdn/cas-connect.iife.js'),
  // + 11 B: the 24 px checkbox and fields that shrink (320 px phones), measured.
  // +37 B: server-rendered markup of "Show password" and the mailback period (shared/prop.ts, no `checked="false"`), measured.
  // + 3 B: the API origin a module of its own (core/api-base.ts, so cas-connect.js holds no request code), measured.
  cdn('dist/cdn/cas-forward.js (Lit and English; Hindi is a chunk beside it, loaded on demand)', 'dist/cdn/cas-forward.js', '17620 B'),
  cdn('dist/cdn/cas-inbox-callback.js (the OAuth return page)', 'dist/cdn/cas-inbox-callback.js', '1 KiB'),
  // + 12 B: the 24 px checkbox and fields that shrink (320 px phones), measured.
  // +134 B: prefill shown in the PAN, BO ID and date of birth fields (shared/details.ts), measured.
  // +72 B: server-rendered markup of "Show password" and the mailback period (shared/prop.ts, no `checked="false"`), measured.
  npm('cas-upload/cdsl-fetch (element + core, no Lit)', 'dist/cdsl-fetch.js', '11194 B'),
  npm('cas-upload/mailback (element + core, no Lit)', 'dist/mailback.js'),
  npm('cas-upload/inbox (element + core, no Lit)', 'dist/inbox.js'),
  // + 12 B: the same.
  // +68 B: server-rendered markup of "Show password" and the mailback period (shared/prop.ts, no `checked="false"`), measured.
  npm('cas-upload/forward (element + core, no Lit)', 'dist/forward.js', '11983 B'),
  npm('cas-upload/connect (every element + core, no Lit)', 'dist/connect.js'),
];
