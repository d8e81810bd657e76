// Size: every entry bundled by esbuild with the same options, minified, then compressed with
// zlib at level 9 (what `gzip -9` does) and brotli at quality 11. CSS a peer imports is written
// by esbuild as a separate minified file and counted beside the JavaScript.
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { createRequire } from 'node:module';


/** Options shared by every bundle, so that only the package differs. */
export const ESBUILD_OPTIONS = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2021',
  platform: 'browser',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  logLevel: 'error',
};

/** The rows of the size table, in order. `entry` is a file of bench/entries. */
export const SIZE_ROWS = [
  { id: 'lit-floor', label: 'minimal Lit element (floor)', entry: 'lit-floor.js', pkgs: ['lit'] },
  { id: 'cas-upload-npm', label: 'cas-upload, npm entry bundled like the peers', entry: 'cas-upload-npm.js', pkgs: ['lit'] },
  { id: 'file-attachment', label: '@github/file-attachment-element', entry: 'file-attachment-element.js', pkgs: ['@github/file-attachment-element'] },
  { id: 'dropzone', label: 'dropzone', entry: 'dropzone.js', pkgs: ['dropzone'] },
  { id: 'filepond', label: 'filepond', entry: 'filepond.js', pkgs: ['filepond'] },
  { id: 'uppy', label: '@uppy/core + @uppy/xhr-upload', entry: 'uppy-core-xhr.js', pkgs: ['@uppy/core', '@uppy/xhr-upload'] },
  { id: 'uppy-dashboard', label: '@uppy/core + @uppy/xhr-upload + @uppy/dashboard', entry: 'uppy-dashboard.js', pkgs: ['@uppy/core', '@uppy/xhr-upload', '@uppy/dashboard'] },
  { id: 'uploadcare', label: '@uploadcare/file-uploader', entry: 'uploadcare-file-uploader.js', pkgs: ['@uploadcare/file-uploader'] },
];

export function compressed(buf) {
  return {
    min: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

function add(a, b) {
  return { min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/** Version of an installed package, from bench/node_modules (or the package root for `lit` of cas-upload). */
export function versionOf(name, from = import.meta.url) {
  try {
    const req = createRequire(from);
    let dir = req.resolve(name);
    // Walk up to the package's own package.json (exports may hide ./package.json).
    while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
      const up = join(dir, '..');
      if (up === dir) return '?';
      dir = up;
    }
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/**
 * Builds every row into `outDir` and measures it; also measures the shipped
 * dist/cdn/cas-upload.js as it is. Returns the rows (shipped file first) and where the floor
 * bundle was written (the start-up page loads it).
 */
export async function measureSizes({ benchDir, rootDir, outDir, shippedPath = join(rootDir, 'dist/cdn/cas-upload.js') }) {
  const shipped = readFileSync(shippedPath);
  const rows = [
    {
      id: 'cas-upload',
      label: 'cas-upload, dist/cdn/cas-upload.js as shipped',
      versions: `cas-upload ${JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')).version}`,
      js: compressed(shipped),
      css: null,
    },
  ];
  const files = {};
  for (const row of SIZE_ROWS) {
    const from = row.id === 'cas-upload-npm' ? join(rootDir, 'package.json') : import.meta.url;
    const versions = row.pkgs.map((p) => `${p} ${versionOf(p, from)}`).join(', ');
    let result;
    try {
      result = await build({
        ...ESBUILD_OPTIONS,
        entryPoints: { [row.id]: join(benchDir, 'entries', row.entry) },
        outdir: outDir,
        write: true,
        metafile: true,
      });
    } catch (err) {
      if (row.id === 'lit-floor') throw err; // the start-up measurement needs it
      rows.push({ id: row.id, label: row.label, versions, error: String(err.message ?? err).split('\n')[0] });
      continue;
    }
    const outputs = Object.keys(result.metafile.outputs);
    const jsOut = outputs.find((f) => f.endsWith('.js'));
    const cssOut = outputs.find((f) => f.endsWith('.css'));
    const js = compressed(readFileSync(jsOut));
    const css = cssOut ? compressed(readFileSync(cssOut)) : null;
    files[row.id] = jsOut;
    rows.push({
      id: row.id,
      label: row.label,
      versions,
      js,
      css,
    });
  }
  for (const r of rows) if (r.js) r.total = r.css ? add(r.js, r.css) : r.js;
  return { rows, files };
}

