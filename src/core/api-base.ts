/**
 * The API origin used when none is given. A module of its own, so that an element's base class
 * can name it without holding the request code (`cas-connect.js` draws its choice without it).
 */
export const DEFAULT_API_BASE = 'https://api.casparser.in';
