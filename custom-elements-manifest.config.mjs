// `npm run analyze` (part of `npm run build`): writes custom-elements.json from the element's
// JSDoc (@fires, @csspart, @cssprop, @slot and the comments of its properties and methods),
// then, from that manifest, the editor and framework files in dist/editors/ (shipped in the
// package; see docs/editors.md): VS Code custom data, JetBrains web-types, and the element's
// types for Vue, Svelte, Solid and JSX (Preact).
import { readFileSync, writeFileSync } from 'node:fs';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';

const EDITORS = 'dist/editors';

/**
 * Each element: its source module, the file of the package that exports its class (the manifest
 * names the files of the package, not src/), the entry that registers it, and its state type.
 * `CasUploadElement` is exported by `dist/element.js` (`cas-upload/element`), and `dist/index.js`
 * (`cas-upload`) registers it as `<cas-upload>`. Add an element here and to `globs` below.
 */
const ELEMENTS = [
  { src: 'src/upload/element.ts', module: 'dist/element.js', defines: 'dist/index.js', tag: 'cas-upload', name: 'CasUploadElement', state: 'CasUploadState' },
  { src: 'src/cdsl-fetch/element.ts', module: 'dist/cdsl-fetch.js', defines: 'dist/cdsl-fetch.js', tag: 'cas-cdsl-fetch', name: 'CasCdslFetchElement', state: 'CasCdslFetchState' },
  { src: 'src/mailback/element.ts', module: 'dist/mailback.js', defines: 'dist/mailback.js', tag: 'cas-mailback', name: 'CasMailbackElement', state: 'CasMailbackState' },
  { src: 'src/inbox/element.ts', module: 'dist/inbox.js', defines: 'dist/inbox.js', tag: 'cas-inbox', name: 'CasInboxElement', state: 'CasInboxState' },
  { src: 'src/forward/element.ts', module: 'dist/forward.js', defines: 'dist/forward.js', tag: 'cas-forward', name: 'CasForwardElement', state: 'CasForwardState' },
  { src: 'src/connect/element.ts', module: 'dist/connect.js', defines: 'dist/connect.js', tag: 'cas-connect', name: 'CasConnectElement', state: 'CasConnectState' },
  { src: 'src/portfolio/element.ts', module: 'dist/portfolio.js', defines: 'dist/portfolio.js', tag: 'cas-portfolio', name: 'CasPortfolioElement' },
];
const SHIPPED = Object.fromEntries(ELEMENTS.map((e) => [e.src, e.module]));
/** The base classes the elements share: not API of their own; their members are listed on each element. */
const BASES = ['src/shared/cas-element.ts', 'src/shared/flow-element.ts'];

/** The string-literal unions the element's types name, read from the sources (alias → `'a' | 'b'`). */
function literalUnions() {
  const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const unions = {};
  for (const path of [...ELEMENTS.map((e) => `./${e.src}`), './src/core/upload.ts']) {
    for (const [, name, union] of read(path).matchAll(/export type (\w+) = ((?:\s*\|?\s*'[^']*')+);/g)) {
      unions[name] = union.trim().replace(/^\|\s*/, '');
    }
    // `export const NAMES = ['a', 'b'] as const;` and `type Name = (typeof NAMES)[number];`
    for (const [, name, list] of read(path).matchAll(/export type (\w+) = \(typeof (\w+)\)\[number\];/g)) {
      const values = new RegExp(`export const ${list} = \\[([^\\]]*)\\] as const;`).exec(read(path))?.[1];
      if (values) unions[name] = values.split(',').map((v) => v.trim()).filter(Boolean).join(' | ');
    }
  }
  return unions;
}

/** Exported constants with a literal value, so that defaults show as values (`10485760`), not names. */
function literalConstants() {
  const consts = {};
  for (const path of ['./src/core/api-base.ts', './src/core/request.ts', './src/core/upload.ts', './src/core/pdf-check.ts']) {
    const text = readFileSync(new URL(path, import.meta.url), 'utf8');
    for (const [, name, value] of text.matchAll(/export const (\w+) = ('[^']*'|\d+);/g)) consts[name] = value;
  }
  return consts;
}

/** Keeps the manifest to the public API of the elements, as the package ships it. */
function publicApi() {
  const unions = literalUnions();
  const consts = literalConstants();
  const expand = (type) => (type?.text && unions[type.text] ? { ...type, text: unions[type.text] } : type);
  const value = (text) => (text !== undefined && text in consts ? consts[text] : text);
  return {
    name: 'cas-upload-public-api',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules.filter((mod) => !BASES.includes(mod.path));
      for (const mod of customElementsManifest.modules) {
        const shipped = SHIPPED[mod.path];
        if (shipped) mod.path = shipped;
        for (const exp of mod.exports ?? []) {
          if (exp.declaration?.module && SHIPPED[exp.declaration.module]) exp.declaration.module = SHIPPED[exp.declaration.module];
        }
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement) continue;
          // The shared base classes are not shipped as modules of their own (their members are
          // listed on each element): the chain is named from the class the package's users know.
          if (BASES.includes(decl.superclass?.module?.replace(/^\//, '').replace(/\.js$/, '.ts'))) decl.superclass = { name: 'LitElement', package: 'lit' };
          // Private fields and methods (`#…`), and the protected ones that the elements share
          // through their base class (src/shared/cas-element.ts), are not API.
          // Lit's and the platform's static switches (`formAssociated`, `shadowRootOptions`) are not API either.
          decl.members = decl.members?.filter(
            (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#') && !['formAssociated', 'shadowRootOptions'].includes(m.name),
          );
          // Only the documented `cas-upload-*` events (not the generic dispatch helper).
          decl.events = decl.events?.filter((e) => e.name?.startsWith('cas-upload-'));
          // `state` is reflected by the element itself rather than by a Lit property option,
          // which the analyzer cannot see (it finds at most the bare observed name): describe
          // the read-only attribute from the getter.
          const state = decl.members?.find((m) => m.name === 'state');
          if (state) {
            decl.attributes = (decl.attributes ?? []).filter((a) => a.name !== 'state');
            decl.attributes.push({
              name: 'state',
              type: state.type,
              description: `${state.description ?? ''} Reflected by the element; a page that sets it gets it put back.`.trim(),
              fieldName: 'state',
              readonly: true,
            });
          }
          // Types as their values (`'smart' | 'cdsl' | …`, not `Parser`), defaults as values;
          // the base class's `State` is this element's own state type.
          const own = ELEMENTS.find((e) => e.name === decl.name);
          for (const item of [...(decl.attributes ?? []), ...(decl.members ?? [])]) {
            if (item.type?.text === 'State' && own) item.type = { ...item.type, text: own.state };
            if (item.type) item.type = expand(item.type);
            // Inherited from the base class, which the package does not ship as a module of its own.
            if (BASES.includes(item.inheritedFrom?.module)) delete item.inheritedFrom;
            if (item.default !== undefined) item.default = value(item.default);
          }
        }
      }
      // Which entry registers which tag (`custom-element-definition`).
      for (const e of ELEMENTS) {
        let mod = customElementsManifest.modules.find((m) => m.path === e.defines);
        if (!mod) customElementsManifest.modules.push((mod = { kind: 'javascript-module', path: e.defines, declarations: [], exports: [] }));
        mod.exports ??= [];
        if (e.defines !== e.module) mod.exports.push({ kind: 'js', name: '*', declaration: { name: '*', module: e.module } });
        mod.exports.push({ kind: 'custom-element-definition', name: e.tag, declaration: { name: e.name, module: e.module } });
      }
    },
  };
}

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/** Where an editor's "documentation" link goes: the package's README (its documentation index) for this version. */
const DOC_URL = `https://www.npmjs.com/package/cas-upload/v/${version}#documentation`;

/**
 * web-types: each event's type is the `CustomEvent` the page receives, with its detail type
 * named from the package (`import("cas-upload").CasUploadSuccessDetail`), which resolves
 * wherever the package is installed (a path relative to this file does not).
 */
function webTypesEvents(manifest) {
  const path = `${EDITORS}/web-types.json`;
  const webTypes = JSON.parse(readFileSync(path, 'utf8'));
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  for (const element of webTypes.contributions.html.elements) {
    const decl = decls.find((d) => d.tagName === element.name);
    for (const event of element.events ?? []) {
      const text = decl?.events?.find((e) => e.name === event.name)?.type?.text ?? 'CustomEvent';
      event.type = text.replace(/^CustomEvent<(\w+)>$/, (all, detail) => (/^[A-Z]\w*Detail$/.test(detail) ? `CustomEvent<import("cas-upload").${detail}>` : all));
    }
  }
  writeFileSync(path, `${JSON.stringify(webTypes, null, 2)}\n`);
}

/**
 * VS Code's CSS data: each custom property and part once (the generator lists them per
 * element, so the shared ones came up to seven times), each of its descriptions once, with the
 * elements it is said of.
 */
function cssData(manifest) {
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  const collect = (key, nameOf) => {
    const byName = new Map();
    for (const decl of decls) {
      for (const item of decl[key] ?? []) {
        const name = nameOf(item.name);
        if (!byName.has(name)) byName.set(name, []);
        byName.get(name).push({ tag: decl.tagName, description: item.description ?? '' });
      }
    }
    return [...byName].map(([name, uses]) => {
      const texts = [...new Set(uses.map((u) => u.description))];
      const tags = (text) => uses.filter((u) => u.description === text).map((u) => `<${u.tag}>`).join(', ');
      const description = texts.length === 1 ? `${texts[0]} (${tags(texts[0])})` : texts.map((text) => `${tags(text)}: ${text}`).join('\n');
      return { name, description };
    });
  };
  const data = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    properties: collect('cssProperties', (name) => name),
    pseudoElements: collect('cssParts', (name) => `::part(${name})`),
  };
  writeFileSync(`${EDITORS}/vscode.css-custom-data.json`, `${JSON.stringify(data, null, 2)}\n`);
}

/** The package entry (a file of dist/types/entries) that exports each element class. */
const CLASS_ENTRY = {
  CasUploadElement: 'index',
  CasCdslFetchElement: 'cdsl-fetch',
  CasMailbackElement: 'mailback',
  CasInboxElement: 'inbox',
  CasForwardElement: 'forward',
  CasConnectElement: 'connect',
  CasPortfolioElement: 'portfolio',
};

/** `import type` lines that take each element class from the package entry that exports it. */
function classImports(names) {
  const entryOf = (name) => {
    if (!CLASS_ENTRY[name]) throw new Error(`editor types: no package entry exports ${name}; add it to CLASS_ENTRY`);
    return CLASS_ENTRY[name];
  };
  return names.map((name) => `import type { ${name} } from "../types/entries/${entryOf(name)}.js";`).join('\n');
}

/** Rewrites a generated file's one import of all classes from the index entry into imports from their own entries. */
function importFromEntries(path) {
  const text = readFileSync(path, 'utf8');
  const out = text.replace(/import type \{([^}]*)\} from "\.\.\/types\/entries\/index\.js";/, (_, list) =>
    classImports(list.split(',').map((n) => n.trim()).filter(Boolean)),
  );
  if (out === text) throw new Error(`editor types: no class import found in ${path}`);
  writeFileSync(path, out);
}

/**
 * The Svelte 5 and Vue types (`cas-upload/svelte`, `cas-upload/vue`), written here rather than by
 * the generators, which know only Svelte 4's `bind:`/`on:` forms and Vue's hyphenated keys.
 * Each element's settable properties are picked from its class (so their types are the class's),
 * its events typed with their detail types; Svelte also takes the attribute names and
 * `oncas-upload-…` handlers on top of svelte's own HTMLAttributes, Vue camelCase props and
 * `onCasUpload…` handlers (what vue-tsc matches `:max-size` and `@cas-upload-success` against).
 */
function frameworkTypes(manifest) {
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
  const names = decls.map((d) => d.name);
  const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const pascal = (s) => camel(s).replace(/^./, (c) => c.toUpperCase());
  const doc = (text) => (text ? `  /** ${text.replace(/\*\//g, '*\\/').split('\n').join('\n   * ')} */\n` : '');
  const shapes = decls.map((d) => {
    const props = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'));
    const attrs = (d.attributes ?? []).filter((a) => a.fieldName && a.name !== a.fieldName && props.some((p) => p.name === a.fieldName));
    const events = (d.events ?? []).filter((e) => e.name).map((e) => ({ ...e, detail: /^import\("[^"]+"\)\.(\w+)$/.exec(e.type?.text ?? '')?.[1] }));
    return { d, props, attrs, events };
  });
  const detail = (e) => (e.detail ? `CustomEvent<${e.detail}>` : 'CustomEvent');
  const details = [...new Set(shapes.flatMap((s) => s.events.map((e) => e.detail).filter(Boolean)))].sort();
  const head = (what) =>
    `// Generated by custom-elements-manifest.config.mjs: ${what}.\n` +
    `${classImports(names)}\nimport type { ${details.join(', ')} } from "../types/entries/index.js";\n`;
  const propsOf = ({ d, props }) => (props.length ? `Partial<Pick<${d.name}, ${props.map((p) => `"${p.name}"`).join(' | ')}>>` : '{}');

  // Svelte 5: properties and attributes as written in markup, `on<event>` handler props.
  let svelte = head('the elements for Svelte 5 (`cas-upload/svelte`), in svelte/elements');
  svelte += `import type { HTMLAttributes } from "svelte/elements";\n\n`;
  for (const s of shapes) {
    const { d, attrs, events } = s;
    svelte += `/** Attributes and \`on…\` event props of \`<${d.tagName}>\` in Svelte 5. */\nexport type ${d.name}SvelteProps = ${propsOf(s)} & {\n`;
    for (const a of attrs) svelte += doc(a.description) + `  "${a.name}"?: ${d.name}["${a.fieldName}"];\n`;
    for (const e of events) svelte += doc(e.description) + `  "on${e.name}"?: (e: ${detail(e)} & { currentTarget: ${d.name} }) => void;\n`;
    svelte += `};\n\n`;
  }
  svelte += `declare module "svelte/elements" {\n  interface SvelteHTMLElements {\n`;
  for (const { d } of shapes) svelte += `    "${d.tagName}": Omit<HTMLAttributes<${d.name}>, keyof ${d.name}SvelteProps> & ${d.name}SvelteProps;\n`;
  svelte += `  }\n}\n`;
  writeFileSync(`${EDITORS}/svelte-elements.d.ts`, svelte);

  // Vue: camelCase props (vue-tsc normalises \`token-method\` and \`:max-size\`), \`on<Event>\` handlers.
  let vue = head('the elements as global components for Vue (`cas-upload/vue`)');
  vue += `import type { DefineComponent } from "vue";\n\n`;
  for (const s of shapes) {
    const { d, events } = s;
    vue += `/** Props and event handlers of \`<${d.tagName}>\` in Vue templates. */\nexport type ${d.name}VueProps = ${propsOf(s)} & {\n`;
    for (const e of events) vue += doc(e.description) + `  "on${pascal(e.name)}"?: (e: ${detail(e)}) => void;\n`;
    vue += `};\n\n`;
  }
  vue += `declare module "vue" {\n  interface GlobalComponents {\n`;
  for (const { d } of shapes) vue += `    "${d.tagName}": DefineComponent<${d.name}VueProps>;\n`;
  vue += `  }\n}\n`;
  writeFileSync(`${EDITORS}/vue.d.ts`, vue);
}

/**
 * The editor and framework files, each made by its generator from a copy of the manifest in
 * which the read-only `state` is left out (nothing to set) and each event's type is its detail
 * type from the package's declarations (the generators wrap it in `CustomEvent<…>`).
 */
function editorFiles() {
  const types = '../types/entries/index.js';
  return {
    name: 'cas-upload-editor-files',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = structuredClone(customElementsManifest);
      for (const decl of manifest.modules.flatMap((m) => m.declarations ?? [])) {
        if (!decl.customElement) continue;
        decl.attributes = decl.attributes?.filter((a) => !a.readonly);
        decl.members = decl.members?.filter((m) => m.name !== 'state');
        for (const event of decl.events ?? []) {
          const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
          if (detail) event.type = { text: `import("${types}").${detail}` };
        }
      }
      const common = { outdir: EDITORS, hideLogs: true };
      const typed = { ...common, globalTypePath: types };
      generateVsCodeCustomElementData(manifest, { ...common, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json' });
      generateJetBrainsWebTypes(manifest, { ...common, webTypesFileName: 'web-types.json', packageJson: false, referenceTemplate: () => ({ name: 'cas-upload', url: DOC_URL }) });
      webTypesEvents(customElementsManifest);
      cssData(customElementsManifest);
      generateSolidJsTypes(manifest, { ...typed, fileName: 'solid.d.ts' });
      generateJsxTypes(manifest, { ...typed, fileName: 'jsx.d.ts' });
      for (const file of ['solid.d.ts', 'jsx.d.ts']) importFromEntries(`${EDITORS}/${file}`);
      frameworkTypes(manifest);
      // Preact, Solid and Svelte 5 read custom elements from their own namespaces: the generated types, declared there.
      const declare = (file, from, module, body) =>
        writeFileSync(
          `${EDITORS}/${file}`,
          `// Generated by custom-elements-manifest.config.mjs: <cas-upload> in ${module} (types from ${from}.d.ts).\n` +
            `import type { CustomElements } from './${from}.js';\n\ndeclare module '${module}' {\n${body}\n}\n`,
        );
      declare('preact.d.ts', 'jsx', 'preact', '  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }');
      declare('solid-jsx.d.ts', 'solid', 'solid-js', '  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }');
    },
  };
}

export default {
  globs: [...ELEMENTS.map((e) => e.src), ...BASES],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [publicApi(), editorFiles()],
};
