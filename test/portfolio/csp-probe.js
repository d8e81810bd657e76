// Loaded first by the CSP page of test/cas-portfolio.test.ts (an external script, as the
// policy refuses inline ones): records errors and policy violations of that page.
window.__errors = [];
window.__violations = [];
addEventListener('error', (e) => window.__errors.push(e.message));
addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
