/**
 * The copyable snippets the demo shows: the element from a script tag, in React and in Vue,
 * each talking to a token endpoint on the host's own backend.
 */

/** One snippet: a tab label, a language hint and the code. */
export interface Snippet {
  id: string;
  label: string;
  code: string;
}

/** The snippets, with the package version the page was built from. */
export function snippets(version: string): Snippet[] {
  return [
    {
      id: 'html',
      label: 'Script tag',
      code: `<script type="module" src="https://cdn.jsdelivr.net/npm/cas-upload@${version}/dist/cdn/cas-upload.js"></script>

<!-- /api/casparser/token: your backend, which mints a short-lived token (docs/backend.md in cas-upload) -->
<cas-upload token-url="/api/casparser/token"></cas-upload>

<script type="module">
  const upload = document.querySelector('cas-upload');
  upload.addEventListener('cas-upload-success', (e) => console.log(e.detail.result));
  upload.addEventListener('cas-upload-error', (e) => console.warn(e.detail.code, e.detail.message));
</script>`,
    },
    {
      id: 'react',
      label: 'React',
      code: `// npm install cas-upload
import { CasUpload } from 'cas-upload/react';

export function StatementUpload({ onParsed }) {
  return (
    <CasUpload
      tokenUrl="/api/casparser/token"
      onCasUploadSuccess={(e) => onParsed(e.detail.result)}
      onCasUploadError={(e) => console.warn(e.detail.code, e.detail.message)}
    />
  );
}`,
    },
    {
      id: 'vue',
      label: 'Vue',
      code: `<!-- npm install cas-upload; in vite.config: vue({ template: { compilerOptions:
     { isCustomElement: (tag) => tag === 'cas-upload' } } }) -->
<script setup>
import 'cas-upload';
const emit = defineEmits(['parsed']);
</script>

<template>
  <cas-upload
    token-url="/api/casparser/token"
    @cas-upload-success="(e) => emit('parsed', e.detail.result)"
    @cas-upload-error="(e) => console.warn(e.detail.code, e.detail.message)"
  ></cas-upload>
</template>`,
    },
  ];
}
