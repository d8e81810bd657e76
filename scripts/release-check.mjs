#!/usr/bin/env node
// `prepublishOnly`: refuses to publish a package whose users could not find its source, its
// issues or its docs. package.json must name `repository`, `homepage` and `bugs` (there is no
// public repository yet, so it names none: docs/contributing.md, "Releasing").
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const missing = ['repository', 'homepage', 'bugs'].filter((field) => !pkg[field]);
if (missing.length) {
  console.error(`package.json has no ${missing.join(', ')}: add them before publishing (docs/contributing.md, "Releasing").`);
  process.exit(1);
}
