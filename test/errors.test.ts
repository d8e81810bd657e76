import { expect } from '@open-wc/testing';
import {
  CasUploadError,
  apiMessageOf,
  codeForStatus,
  defaultMessages,
  type CasUploadErrorCode,
  type FlowErrorCode,
} from '../src/core/errors.js';
import { flowMessages } from '../src/core/flow-messages.js';

/** Every code, each with whether it is retryable by default: a code added to the type and left out here does not compile. */
const RETRYABLE = {
  'config-error': false,
  'invalid-file': false,
  'file-too-large': false,
  'token-error': true,
  'invalid-password': false,
  'parse-failed': false,
  'quota-exceeded': false,
  'auth-failed': false,
  'rate-limited': true,
  'server-error': true,
  'network-error': true,
  timeout: true,
  aborted: false,
  'invalid-details': false,
  'invalid-otp': false,
  'session-expired': false,
  'fetch-failed': true,
  'no-statements': false,
  'inbox-error': false,
} satisfies Record<CasUploadErrorCode, boolean>;
const ALL_CODES = Object.keys(RETRYABLE) as CasUploadErrorCode[];
/** The codes only the flows use: their sentences are apart (core/flow-messages.ts). */
const FLOW_CODES = Object.keys(flowMessages) as FlowErrorCode[];

describe('codeForStatus (CONTRACT section 5)', () => {
  it('400 whose message mentions "password" → invalid-password', () => {
    expect(codeForStatus(400, 'Invalid PDF file or password.')).to.equal('invalid-password');
  });

  it('422 whose message mentions "password" → invalid-password', () => {
    expect(codeForStatus(422, 'password: field required')).to.equal('invalid-password');
  });

  it('matches "password" case-insensitively', () => {
    expect(codeForStatus(400, 'Wrong PASSWORD')).to.equal('invalid-password');
    expect(codeForStatus(422, 'Password is incorrect')).to.equal('invalid-password');
  });

  it('any other 400 → parse-failed', () => {
    expect(codeForStatus(400, 'Unable to detect CAS type')).to.equal('parse-failed');
    expect(codeForStatus(400, null)).to.equal('parse-failed');
    expect(codeForStatus(400, '')).to.equal('parse-failed');
  });

  it('any other 422 → parse-failed', () => {
    expect(codeForStatus(422, 'Unsupported statement')).to.equal('parse-failed');
    expect(codeForStatus(422, null)).to.equal('parse-failed');
  });

  it('402 → quota-exceeded', () => {
    expect(codeForStatus(402, null)).to.equal('quota-exceeded');
    expect(codeForStatus(402, 'Insufficient credits')).to.equal('quota-exceeded');
  });

  it('413 → file-too-large', () => {
    expect(codeForStatus(413, null)).to.equal('file-too-large');
  });

  it('401 and 403 (after the refresh) → auth-failed', () => {
    expect(codeForStatus(401, null)).to.equal('auth-failed');
    expect(codeForStatus(403, 'Authentication failed: API quota exceeded or invalid API key.')).to.equal(
      'auth-failed',
    );
  });

  it('a 401/403 message mentioning "password" is still auth-failed', () => {
    expect(codeForStatus(403, 'invalid password for key')).to.equal('auth-failed');
  });

  it('404 → config-error (a path the API does not have: an api-base or a parser that is wrong)', () => {
    expect(codeForStatus(404, null)).to.equal('config-error');
    expect(codeForStatus(404, 'password')).to.equal('config-error');
  });

  it('408 → timeout', () => {
    expect(codeForStatus(408, null)).to.equal('timeout');
  });

  it('429 (after the retries) → rate-limited', () => {
    expect(codeForStatus(429, null)).to.equal('rate-limited');
  });

  it('500 → server-error', () => {
    expect(codeForStatus(500, 'Internal server error')).to.equal('server-error');
  });

  it('502, 503, 504 and other 5xx (after the retries) → server-error', () => {
    for (const status of [501, 502, 503, 504, 599]) {
      expect(codeForStatus(status, null), String(status)).to.equal('server-error');
    }
  });

  it('a 5xx whose message mentions "password" is still server-error', () => {
    expect(codeForStatus(500, 'password service down')).to.equal('server-error');
  });
});

describe('apiMessageOf', () => {
  it('reads msg', () => {
    expect(apiMessageOf({ status: 'failed', msg: 'Invalid PDF file or password.' })).to.equal(
      'Invalid PDF file or password.',
    );
  });

  it('reads detail as a string', () => {
    expect(apiMessageOf({ detail: 'Invalid API key' })).to.equal('Invalid API key');
  });

  it('reads detail as a list of {msg} (FastAPI validation errors)', () => {
    const body = {
      detail: [
        { loc: ['body', 'password'], msg: 'field required', type: 'value_error.missing' },
        { loc: ['body', 'pdf_file'], msg: 'file missing', type: 'value_error' },
      ],
    };
    const message = apiMessageOf(body);
    expect(message).to.be.a('string');
    expect(message).to.contain('field required');
    expect(message).to.contain('file missing');
  });

  it('reads detail as a list of strings', () => {
    const message = apiMessageOf({ detail: ['first problem', 'second problem'] });
    expect(message).to.contain('first problem');
    expect(message).to.contain('second problem');
  });

  it('prefers msg over detail', () => {
    expect(apiMessageOf({ msg: 'from msg', detail: 'from detail' })).to.equal('from msg');
  });

  it('falls back to detail when msg is empty or not a string', () => {
    expect(apiMessageOf({ msg: '', detail: 'from detail' })).to.equal('from detail');
    expect(apiMessageOf({ msg: 42, detail: 'from detail' })).to.equal('from detail');
  });

  it('returns null when there is no message', () => {
    expect(apiMessageOf(null)).to.equal(null);
    expect(apiMessageOf(undefined)).to.equal(null);
    expect(apiMessageOf('Internal server error')).to.equal(null);
    expect(apiMessageOf(500)).to.equal(null);
    expect(apiMessageOf({})).to.equal(null);
    expect(apiMessageOf({ status: 'failed' })).to.equal(null);
    expect(apiMessageOf({ detail: [] })).to.equal(null);
    expect(apiMessageOf({ detail: [{ loc: ['body'] }] })).to.equal(null);
  });

  it('feeds codeForStatus: a 400 detail-list mentioning password → invalid-password', () => {
    const body = { detail: [{ loc: ['body', 'password'], msg: 'Incorrect password' }] };
    expect(codeForStatus(400, apiMessageOf(body))).to.equal('invalid-password');
  });
});

describe('CasUploadError', () => {
  it('masks what reads as a PAN or an e-mail address in apiMessage (the API may echo what was typed)', () => {
    const err = new CasUploadError('invalid-details', undefined, {
      apiMessage: 'No CAS for PAN abcde1234F sent to ravi.k+cas@example.co.in (or ABCDE1234F); contact <a.b@c.in>.',
    });
    expect(err.apiMessage).to.equal('No CAS for PAN [PAN] sent to [e-mail] (or [PAN]); contact <[e-mail]>.');
    // What is no PAN or address stays as it is.
    for (const msg of ['Invalid PDF file or password.', 'OTP expired', 'Rate limit: 10 per minute @ 12:00', 'ABCDE12345F', 'user@localhost']) {
      expect(new CasUploadError('parse-failed', undefined, { apiMessage: msg }).apiMessage, msg).to.equal(msg);
    }
  });

  it('is an Error with name CasUploadError and the given code', () => {
    const err = new CasUploadError('parse-failed');
    expect(err).to.be.instanceOf(Error);
    expect(err).to.be.instanceOf(CasUploadError);
    expect(err.name).to.equal('CasUploadError');
    expect(err.code).to.equal('parse-failed');
  });

  it('defaults message, status, apiMessage and requestId', () => {
    const err = new CasUploadError('quota-exceeded');
    expect(err.message).to.equal(defaultMessages['quota-exceeded']);
    expect(err.status).to.equal(null);
    expect(err.apiMessage).to.equal(null);
    expect(err.requestId).to.equal(null);
  });

  it('keeps the given message, status, apiMessage and requestId', () => {
    const err = new CasUploadError('invalid-password', 'Wrong password.', {
      status: 400,
      apiMessage: 'Invalid PDF file or password.',
      requestId: 'req_123',
    });
    expect(err.message).to.equal('Wrong password.');
    expect(err.status).to.equal(400);
    expect(err.apiMessage).to.equal('Invalid PDF file or password.');
    expect(err.requestId).to.equal('req_123');
  });

  it('has a non-empty default message for every code: an upload code in defaultMessages, a flow code in flowMessages', () => {
    expect(ALL_CODES).to.have.length(19);
    expect(FLOW_CODES.sort()).to.deep.equal(['fetch-failed', 'inbox-error', 'invalid-details', 'invalid-otp', 'no-statements', 'session-expired']);
    for (const code of ALL_CODES) {
      const flow = FLOW_CODES.includes(code as FlowErrorCode);
      const sentence = flow ? flowMessages[code as FlowErrorCode] : defaultMessages[code];
      expect(sentence, code).to.be.a('string').and.not.equal('');
      expect(sentence, `${code}: a sentence, not the code`).to.match(/^[A-Z].*\.$/);
      if (!flow) expect(new CasUploadError(code).message, code).to.equal(sentence);
    }
    const sentences = ALL_CODES.map((c) => (FLOW_CODES.includes(c as FlowErrorCode) ? flowMessages[c as FlowErrorCode] : defaultMessages[c]));
    expect(new Set(sentences).size, 'one sentence per code').to.equal(ALL_CODES.length);
  });

  describe('default retryable per code', () => {
    for (const code of ALL_CODES) {
      it(`${code} is ${RETRYABLE[code] ? '' : 'not '}retryable`, () => {
        expect(new CasUploadError(code).retryable).to.equal(RETRYABLE[code]);
      });
    }

    // Regression: the constructor once did `Object.assign(this, init)`, so fields present but
    // undefined (legal for CasUploadErrorInit, e.g. `{ status: res?.status }`) replaced the
    // defaults with undefined.
    it('fields given as undefined keep their defaults (null, and retryable by code)', () => {
      const err = new CasUploadError('server-error', undefined, {
        status: undefined,
        apiMessage: undefined,
        requestId: undefined,
        retryable: undefined,
      });
      expect(err.status).to.equal(null);
      expect(err.apiMessage).to.equal(null);
      expect(err.requestId).to.equal(null);
      expect(err.retryable).to.equal(true);
    });

    it('an explicit retryable overrides the default both ways', () => {
      expect(new CasUploadError('server-error', undefined, { retryable: false }).retryable).to.equal(false);
      expect(new CasUploadError('parse-failed', undefined, { retryable: true }).retryable).to.equal(true);
    });
  });
});
