// The source modules that register an element, or import one that does, keep their side effects
// in every build of src/ (vite.config.ts, scripts/screenshots.mjs). package.json `sideEffects`
// names the shipped files (the user's bundler reads it), not src/; Vite applies it to this
// repository's sources too, so without this `import '../upload/define.js'` would be dropped and
// nothing registered.

const REGISTERS = /\/src\/(entries\/.*|[\w-]+\/define|connect\/flows)\.ts$/;

/** @returns {import('vite').Plugin} */
export function keepRegistrations() {
  return {
    name: 'keep-registrations',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && REGISTERS.test(resolved.id) ? { ...resolved, moduleSideEffects: true } : null;
    },
  };
}
