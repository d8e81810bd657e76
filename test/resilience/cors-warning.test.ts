// An API request that fails before any answer (a CORS preflight the API refused, or no server
// at all): the visitor sees `network-error`, and the host's developer gets one console warning
// per page that names the origin called and the likely causes, never a token or a path. Its
// own file: "once per page" is this page.
import { expect, fixture } from '@open-wc/testing';
import { openSession, type Session } from './servers.js';
import { rejectionOf } from '../helpers.js';
import '../../src/entries/index.js';
import type { CasUploadElement } from '../../src/entries/index.js';
import { pdf } from '../helpers.js';

const TOKEN = 'at_cors_secret_7f3a';

async function upload(apiBase: string) {
  const el = await fixture<CasUploadElement>('<cas-upload retries="0" retry-delay="0"></cas-upload>');
  el.tokenProvider = async () => TOKEN;
  el.apiBase = apiBase;
  return rejectionOf(el.upload(pdf(), 'ABCDE1234F'));
}

describe('no answer from the API: one console warning per page', () => {
  let s: Session;
  const warned: string[] = [];
  const original = console.warn;
  before(async () => {
    s = await openSession();
    console.warn = (...a: unknown[]) => void warned.push(a.map(String).join(' '));
  });
  after(async () => {
    console.warn = original;
    await s.close();
  });

  it('a CORS preflight refused (a stand-in that allows no header): network-error, and the warning names the origin and CORS', async () => {
    // This dev server on another host name: another origin, and it answers no preflight.
    const other = new URL(location.href);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const err = await upload(`${other.origin}/casparser`);
    expect(err.code).to.equal('network-error');
    expect(warned).to.have.length(1);
    expect(warned[0]).to.include(other.origin).and.include('CORS').and.include('x-api-key');
    expect(warned[0], 'the origin only').to.not.include('/casparser').and.not.include('/v4/');
    expect(warned[0]).to.not.include(TOKEN);
  });

  it('no server at all: network-error again, and no second warning on this page', async () => {
    const refused = new URL(s.refusedUrl).origin;
    const err = await upload(refused);
    expect(err.code).to.equal('network-error');
    expect(warned, 'once per page').to.have.length(1);
  });

  it('an answer, even an error, is no such failure', async () => {
    const err = await upload(s.apiBase); // the token is not one the fake issued: 401
    expect(err.code).to.equal('auth-failed');
    expect(warned).to.have.length(1);
  });
});
