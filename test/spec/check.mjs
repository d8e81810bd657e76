// Holds an exchange with the API (a request and its answer) against the project's JSON Schema of
// CAS Parser's official specification (casparser-api.schema.json, beside this file). Used in
// Node by the Node test (test/node/api-spec.test.ts), by the fake API (scripts/fault-servers.mjs)
// and by the web-test-runner command that checks what the msw mocks answer in the browser tests.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The schema, as committed. */
export const schema = JSON.parse(readFileSync(new URL('./casparser-api.schema.json', import.meta.url), 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
ajv.addKeyword('x-endpoints');
(addFormats.default ?? addFormats)(ajv);
ajv.addSchema(schema);

const compiled = new Map();
/** The validator of a schema fragment of the file (`{"$ref": …}` or inline). */
function validator(fragment) {
  const key = JSON.stringify(fragment);
  if (!compiled.has(key)) compiled.set(key, ajv.compile({ $id: `frag${compiled.size}`, ...withBase(fragment) }));
  return compiled.get(key);
}
/** A fragment whose `$ref`s point into the file. */
const withBase = (fragment) => JSON.parse(JSON.stringify(fragment).replaceAll('"#/$defs/', `"${schema.$id}#/$defs/`));

/**
 * The endpoint of `method` and `path` (the API's path, without the api-base's own path), or of
 * the name `endpoint` (the host's token endpoint, whose URL is the host's); `undefined` when the
 * specification has no such endpoint.
 */
export function endpointOf({ method, path, endpoint }) {
  const all = schema['x-endpoints'];
  if (endpoint) return all.find((e) => e.name === endpoint);
  return all.find((e) => e.path && new RegExp(e.path).test(path) && [e.method].flat().includes(method));
}

/**
 * What breaks the specification in one exchange: `[]` when nothing does.
 *
 * - `method`, `path` (or `endpoint`: `'host-token'`), `headers` (lower-case names, the request's);
 * - `request`: the body as sent: `null` for none, a JSON value, or the multipart fields
 *   (`{pdf_file: {name, size, type}, password}`);
 * - `status` and `answer` (the parsed JSON, or the text when it is not JSON); `offSpec`: the
 *   reason a test gives for an answer that breaks the specification on purpose (a proxy's HTML
 *   page, a malformed body): then only the request is checked.
 */
export function check(x) {
  const where = `${x.method} ${x.path ?? x.endpoint}`;
  const ep = endpointOf(x);
  if (!ep) return [`${where}: no such endpoint in the specification`];
  const out = [];
  const headers = x.headers ?? {};
  if (ep.apiKey && !headers['x-api-key']) out.push(`${where}: no x-api-key header`);
  if (ep.inboxToken && !headers['x-inbox-token']) out.push(`${where}: no x-inbox-token header`);
  if (x.request !== undefined) {
    const v = validator(ep.request);
    if (!v(x.request)) out.push(...v.errors.map((e) => `${where} request${e.instancePath} ${e.message}`));
  }
  if (x.status !== undefined && !x.offSpec) {
    const schemaOf = ep.answers[String(x.status)] ?? ep.answers[`${String(x.status)[0]}xx`];
    if (!schemaOf) out.push(`${where}: status ${x.status} is not an answer of this endpoint`);
    else {
      const v = validator(schemaOf);
      if (!v(x.answer)) out.push(...v.errors.map((e) => `${where} ${x.status} answer${e.instancePath} ${e.message}`));
    }
  }
  return out;
}
