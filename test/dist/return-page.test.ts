/// <reference types="node" />
// The OAuth return page (`redirect-url` of <cas-inbox>): its address holds the inbox token, so
// the demo's page and the docs' example say `no-referrer` before they load anything (else the
// request for their own script sends the address on in its Referer), and the docs say what
// `history.replaceState` does not do.
// Run: node --import tsx --test test/dist/return-page.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const connect = read('docs/connect.md');
const section = connect.slice(connect.indexOf('### The return page'));
const example = section.slice(section.indexOf('```html'), section.indexOf('```', section.indexOf('```html') + 3));

for (const [name, page] of [
  ['demo/inbox-callback.html', read('demo/inbox-callback.html')],
  ['the example of docs/connect.md', example],
] as const) {
  test(`${name}: <meta name="referrer" content="no-referrer"> comes before anything the page loads`, () => {
    const head = page.replace(/<!--[\s\S]*?-->/g, '');
    const meta = head.search(/<meta\s+name="referrer"\s+content="no-referrer"/);
    assert.ok(meta > 0, 'the meta is there');
    for (const tag of ['<script', '<link', '<img', '<iframe', '<style']) {
      const at = head.indexOf(tag);
      assert.ok(at < 0 || at > meta, `${tag} after the meta`);
    }
  });
}

test('docs/connect.md does not say the token leaves the history, and says what stays', () => {
  assert.doesNotMatch(connect, /(removes|takes) (them|it|the token) (out of|from) the address bar and the\s+history/);
  assert.match(section, /history of visited pages/);
  assert.match(section, /Referrer-Policy: no-referrer/);
});
