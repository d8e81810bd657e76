/// <reference types="node" />
// What release and editor tools read from the package: package.json `sideEffects` names shipped
// files, `npm pack --json` prints JSON alone, `engines` is what the README says, the manifest's
// superclasses resolve, JetBrains' web-types link the docs and name event types that resolve
// where the package is installed, and VS Code's CSS data lists each name once.
// Needs `npm run build` first. Run: node --import tsx --test test/dist/packaging.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  sideEffects: string[];
  scripts: Record<string, string>;
};

const packed: string[] = (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[])[0].files.map((f) => f.path);

const glob = (entry: string) => new RegExp(`^${entry.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

test('every sideEffects entry names files the package ships (none in src/)', () => {
  for (const entry of pkg.sideEffects) {
    assert.doesNotMatch(entry, /^\.?\/?src\//, `${entry} is not shipped`);
    assert.ok(packed.some((path) => glob(entry).test(path)), `${entry} matches a file of the tarball`);
  }
});

test('npm pack --json prints JSON alone: the prepack build logs to standard error', () => {
  // The package's own prepack script, with a build that logs as a build does, in a copy.
  const dir = mkdtempSync(join(tmpdir(), 'cas-pack-'));
  try {
    const copy = { name: 'pack-check', version: '1.0.0', files: ['x.js'], scripts: { prepack: pkg.scripts.prepack, build: 'node -e "console.log(\'building dist/\')"' } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(copy));
    writeFileSync(join(dir, 'x.js'), '');
    const run = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /building dist\//, 'the build ran, its log on standard error');
    const [report] = JSON.parse(run.stdout) as { name: string }[];
    assert.equal(report.name, 'pack-check');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("engines.node is the Node.js the README asks for", () => {
  const version = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
  assert.ok(version, `engines.node is ">=major.minor": ${pkg.engines.node}`);
  const asked = [...read('README.md').matchAll(/Node\.js (\d+\.\d+) or later/g)].map((m) => m[1]);
  assert.ok(asked.length >= 1, 'the README names the Node.js it needs');
  assert.deepEqual([...new Set(asked)], [version]);
});

const manifest = JSON.parse(read('custom-elements.json')) as {
  modules: { path: string; declarations?: { name: string; customElement?: boolean; superclass?: { name: string; module?: string; package?: string } }[] }[];
};

test('each superclass in the manifest is a package or a module of the manifest (shipped)', () => {
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.equal(elements.length, 7);
  for (const { name, superclass } of elements) {
    assert.ok(superclass, `${name} names its superclass`);
    if (superclass.package) continue;
    const mod = manifest.modules.find((m) => m.path === superclass.module?.replace(/^\//, ''));
    assert.ok(mod, `${name}'s superclass module ${superclass.module} is in the manifest`);
    assert.ok(packed.includes(mod.path), `${mod.path} is shipped`);
    assert.ok(mod.declarations?.some((d) => d.name === superclass.name), `${superclass.name} is declared there`);
  }
});

const webTypes = JSON.parse(read('dist/editors/web-types.json')) as {
  contributions: { html: { elements: { name: string; 'doc-url': string; events?: { name: string; type: string }[] }[] } };
};

test('web-types: every element links its documentation', () => {
  for (const element of webTypes.contributions.html.elements) {
    assert.match(element['doc-url'], /^https:\/\/\S+$/, `${element.name} has a doc-url`);
  }
});

test('web-types: every event type is a CustomEvent whose detail type resolves where the package is installed', () => {
  const types = webTypes.contributions.html.elements.flatMap((e) => (e.events ?? []).map((v) => ({ where: `${e.name} ${v.name}`, type: v.type })));
  assert.ok(types.length > 20);
  for (const { where, type } of types) assert.match(type, /^CustomEvent<.+>$/, `${where}: ${type}`);
  // A consumer's project with the package installed (a link to this one) type-checks each type.
  const dir = mkdtempSync(join(tmpdir(), 'cas-webtypes-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules/cas-upload'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: true }, files: ['events.ts'] }));
    writeFileSync(join(dir, 'events.ts'), types.map(({ where, type }, i) => `// ${where}\nexport type E${i} = ${type};\n`).join(''));
    const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(run.status, 0, `the event types do not resolve:\n${run.stdout}${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("VS Code's CSS data lists each custom property and part once, with the elements that have it", () => {
  const data = JSON.parse(read('dist/editors/vscode.css-custom-data.json')) as Record<'properties' | 'pseudoElements', { name: string; description: string }[]>;
  for (const key of ['properties', 'pseudoElements'] as const) {
    const names = data[key].map((x) => x.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], `${key} listed more than once`);
  }
  assert.ok(data.properties.some((p) => p.name === '--cas-upload-accent'));
  const submit = data.pseudoElements.find((p) => p.name === '::part(submit)');
  assert.ok(submit && submit.description.includes('<cas-upload>') && submit.description.includes('<cas-connect>'), submit?.description);
});
