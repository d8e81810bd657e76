// `npm run analyze` (part of `npm run build`): writes custom-elements.json from the element's
// JSDoc (@fires, @csspart, @cssprop, @slot and the comments of its properties and methods).

/** Keeps the manifest to the public API of `<cas-upload>`. */
function publicApiOnly() {
  return {
    name: 'cas-upload-public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement) continue;
          // Private fields and methods (`#…`), and the protected ones that the elements share
          // through their base class (src/shared/cas-element.ts), are not API.
          decl.members = decl.members?.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
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
        }
      }
    },
  };
}

export default {
  globs: ['src/cas-upload-element.ts', 'src/shared/cas-element.ts', 'src/cdsl-fetch/cas-cdsl-fetch-element.ts', 'src/shared/flow-element.ts', 'src/mailback/cas-mailback-element.ts', 'src/inbox/cas-inbox-element.ts', 'src/connect/cas-connect-element.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [publicApiOnly()],
};
