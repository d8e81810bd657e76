/// <reference types="node" />
// Server rendering with `@lit-labs/ssr`: each element, imported from the built package (its
// `exports`, Node conditions) and registered by hand (the package registers nothing on a
// server), renders to markup a browser reads as the element's first state: a declarative shadow
// root with the element's form, and no "Show password" box ticked (a `.checked=${false}`
// binding is serialized as `checked="false"`, which a browser reads as ticked).
// `npm run build` first. Run: node --import tsx --test test/node/ssr-render.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { CasUploadElement } from 'cas-upload/element';
import { CasCdslFetchElement } from 'cas-upload/cdsl-fetch';
import { CasMailbackElement } from 'cas-upload/mailback';
import { CasInboxElement } from 'cas-upload/inbox';
import { CasForwardElement } from 'cas-upload/forward';
import { CasConnectElement } from 'cas-upload/connect';
import { CasPortfolioElement } from 'cas-upload/portfolio';

const ELEMENTS = {
  'cas-upload': CasUploadElement,
  'cas-cdsl-fetch': CasCdslFetchElement,
  'cas-mailback': CasMailbackElement,
  'cas-inbox': CasInboxElement,
  'cas-forward': CasForwardElement,
  'cas-connect': CasConnectElement,
  'cas-portfolio': CasPortfolioElement,
} as const;

for (const [tag, ctor] of Object.entries(ELEMENTS)) {
  if (!customElements.get(tag)) customElements.define(tag, ctor as unknown as CustomElementConstructor);
}

/** The markup `@lit-labs/ssr` sends for `<tag …attrs>`. */
function ssr(tag: string, attrs = ''): string {
  return collectResultSync(render(html`<${unsafeStatic(tag)} ${unsafeStatic(attrs)}></${unsafeStatic(tag)}>`));
}

/** A boolean attribute written with a value ("false" among them, which a browser reads as set). */
const BOOLEAN_WITH_VALUE = /\s(checked|disabled|hidden|selected|required|readonly|multiple|open)="/;

/** The open tags of `<input type="checkbox">` in the markup. */
const checkboxes = (markup: string) => markup.match(/<input\b[^>]*type="checkbox"[^>]*>/g) ?? [];

test('<cas-upload>: a declarative shadow root with the file, password and an unticked "Show password"', () => {
  const markup = ssr('cas-upload', 'token-url="/api/cas-token"');
  assert.match(markup, /<cas-upload\b[^>]*token-url="\/api\/cas-token"/);
  assert.match(markup, /<template shadowroot(mode)?="open"/);
  assert.match(markup, /<input\b[^>]*type="file"/);
  assert.match(markup, /<input\b[^>]*name="password"[^>]*type="password"|<input\b[^>]*type="password"[^>]*name="password"/);
  const boxes = checkboxes(markup);
  assert.equal(boxes.length, 1, 'the "Show password" box');
  for (const box of boxes) assert.doesNotMatch(box, /\schecked\b/, `rendered ticked: ${box}`);
  assert.doesNotMatch(markup, BOOLEAN_WITH_VALUE);
});

for (const tag of ['cas-cdsl-fetch', 'cas-mailback', 'cas-inbox', 'cas-forward', 'cas-connect', 'cas-portfolio']) {
  test(`<${tag}>: renders a declarative shadow root; no box is ticked, no attribute says "false"`, () => {
    const markup = ssr(tag);
    assert.match(markup, new RegExp(`<${tag}\\b`));
    assert.match(markup, /<template shadowroot(mode)?="open"/);
    assert.match(markup, /<\/template>/);
    for (const box of checkboxes(markup)) assert.doesNotMatch(box, /\schecked\b/, `rendered ticked: ${box}`);
    assert.doesNotMatch(markup, BOOLEAN_WITH_VALUE);
  });
}

test('<cas-mailback>: one period option selected (the first), and an unticked "Show password"', () => {
  const markup = ssr('cas-mailback');
  const options = markup.match(/<option\b[^>]*>/g) ?? [];
  assert.ok(options.length > 1, 'the period choice');
  // `.selected=${false}` was written as `selected="false"`: every option selected, the last one shown.
  assert.deepEqual(options.filter((o) => /\sselected\b/.test(o)), [options[0]]);
  const boxes = checkboxes(markup);
  assert.ok(boxes.length >= 1, 'the mailback form asks for a password and offers "Show password"');
  for (const box of boxes) assert.doesNotMatch(box, /\schecked\b/, `rendered ticked: ${box}`);
});
