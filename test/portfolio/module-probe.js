// Loaded by test/cas-portfolio.test.ts's pages after the script-tag files: what a host's module
// gets from `import … from '…/cas-portfolio.js'`.
const m = await import('/dist/cdn/cas-portfolio.js');
window.__portfolioModule = m;
