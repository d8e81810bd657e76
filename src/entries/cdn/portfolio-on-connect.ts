/**
 * `dist/cdn/chunks/portfolio-on-connect.js`: `<cas-portfolio>` on a page that loads
 * `cas-connect.js`, whose Lit, shared base and language registry it uses (the build takes them
 * from that file: one copy on the page). `cas-portfolio.js` loads it.
 */
import './cas-connect.js';

export * from './portfolio-alone.js';
