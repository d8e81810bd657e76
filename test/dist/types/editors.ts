// Compiled by test/dist/types.test.ts (tsconfig.editors.json): the framework types generated
// from the manifest (dist/editors), as a Vue, Svelte or Preact user gets them through
// package.json `exports`. Every `@ts-expect-error` is a mistake the types must catch.
import type {} from 'cas-upload/vue';
import type {} from 'cas-upload/svelte';
import type {} from 'cas-upload/preact';
import type {} from 'cas-upload/solid';
import type { CustomElements } from 'cas-upload/jsx';
import type { GlobalComponents } from 'vue';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { JSX as PreactJSX } from 'preact';

// Svelte 5: <cas-upload> attributes, with the parser's values.
type InSvelte = SvelteHTMLElements['cas-upload'];
export const svelteProps: InSvelte = {
  'token-url': '/api/casparser/token',
  parser: 'cdsl',
};
// @ts-expect-error not one of the parsers
export const svelteWrong: InSvelte = { parser: 'zerodha' };

// Vue: <cas-upload> is a global component.
export type InVue = GlobalComponents['cas-upload'];
// @ts-expect-error only the package's own tags are declared
export type NotInVue = GlobalComponents['cas-uploader'];

// Preact (and Solid, with cas-upload/solid): the element's props in JSX.
export const preactProps: PreactJSX.IntrinsicElements['cas-upload'] = { parser: 'nsdl', 'max-size': 1024 };
// @ts-expect-error max-size is a number
export const jsxWrong: CustomElements['cas-upload'] = { 'max-size': 'big' };

// Solid: the same props in Solid's JSX.
export const solidProps: import('solid-js').JSX.IntrinsicElements['cas-upload'] = { parser: 'smart' };
// @ts-expect-error not one of the parsers
export const solidWrong: import('solid-js').JSX.IntrinsicElements['cas-upload'] = { parser: 'zerodha' };
