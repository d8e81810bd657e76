#!/usr/bin/env node
// `npm run lint:package` (after `npm run build`): packs the package once as `npm publish`
// would (without running prepack again), then checks the tarball with publint (package.json
// fields, exports, files; warnings count as errors) and arethetypeswrong (the types of every
// entry as each resolver sees them, ESM-only profile: CommonJS `require` is out of scope).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cas-upload-pack-'));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
try {
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { encoding: 'utf8' }),
  );
  const tarball = join(dir, filename);
  run(process.execPath, ['node_modules/publint/src/cli.js', 'run', tarball, '--strict']);
  run(process.execPath, ['node_modules/@arethetypeswrong/cli/dist/index.js', tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
} catch (error) {
  process.exitCode = error.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
