// Compiled by test/dist/types.test.ts against the built declarations: what a TypeScript user of
// the package gets. Every `@ts-expect-error` is a mistake the types must catch.
import 'cas-upload';
import {
  CasUploadElement,
  CasUploadError,
  clearTokenCache,
  type CasUploadErrorCode,
  type CasUploadErrorDetail,
  type CasUploadSuccessDetail,
  type ParseResult,
  type TokenResponse,
} from 'cas-upload';
import { uploadCas, type UploadResult } from 'cas-upload/core';
import { CasUploadElement as BareElement } from 'cas-upload/element';
import { CasUpload, CasPortfolio, CasConnect, CasCdslFetch, CasMailback, CasInbox, CasForward, type CasUploadProps } from 'cas-upload/react';
import { CasPortfolioElement, type CasPortfolioStrings } from 'cas-upload/portfolio';
import { createTokenHandler } from 'cas-upload/server';
import { createRedisStore } from 'cas-upload/server/redis';

// HTMLElementTagNameMap
export const found: CasUploadElement | null = document.querySelector('cas-upload');
export const made: CasUploadElement = document.createElement('cas-upload');
export const same: typeof BareElement = CasUploadElement;

// GlobalEventHandlersEventMap: typed event details
made.addEventListener('cas-upload-success', (e) => {
  const name: string | undefined = e.detail.result.investor?.name;
  const total: number | undefined = e.detail.result.summary?.total_value;
  const id: string | null = e.detail.requestId;
  const ms: number = e.detail.durationMs;
  void [name, total, id, ms];
});
made.addEventListener('cas-upload-error', (e) => {
  const code: CasUploadErrorCode = e.detail.code;
  const status: number | null = e.detail.status;
  void [code, status];
});
made.addEventListener('cas-upload-progress', (e) => {
  const phase: 'upload' | 'parse' = e.detail.phase;
  void phase;
});
made.addEventListener('cas-upload-start', (e) => e.preventDefault());
// cas-upload-cancel may come from any element: the upload's { file } or a flow's { step }.
document.addEventListener('cas-upload-cancel', (e) => {
  // @ts-expect-error: a flow's cancel has no file
  const name: string = e.detail.file.name;
  const which: string = 'file' in e.detail ? e.detail.file.name : e.detail.step;
  void [name, which];
});

// The error code union, exactly the contract's codes.
export const codes: CasUploadErrorCode[] = [
  'config-error',
  'invalid-file',
  'file-too-large',
  'token-error',
  'invalid-password',
  'parse-failed',
  'quota-exceeded',
  'auth-failed',
  'rate-limited',
  'server-error',
  'network-error',
  'timeout',
  'aborted',
];
// @ts-expect-error: not a code
export const notACode: CasUploadErrorCode = 'password-error';
// @ts-expect-error: `aborted` never reaches the cas-upload-error event
export const neverInEvent: CasUploadErrorDetail['code'] = 'aborted';

// TokenResponse, ParseResult (every field optional), CasUploadError
export const token: TokenResponse = { access_token: 'at_example', expires_in: 900 };
// @ts-expect-error: access_token is required
export const noToken: TokenResponse = { expires_in: 900 };
export const empty: ParseResult = {};
export const error = new CasUploadError('timeout');
export const code: CasUploadErrorCode = error.code;
export const retryable: boolean = error.retryable;
export const detail: CasUploadSuccessDetail['file'] = { name: 'cas.pdf', size: 1 };

// Properties
made.tokenProvider = async () => 'at_example';
made.tokenProvider = async () => token;
made.tokenRequestInit = { headers: { 'x-csrf-token': 'abc' } };
made.maxSize = 5_000_000;
// @ts-expect-error: a token provider returns a promise
made.tokenProvider = () => 'at_example';
export const pending: Promise<ParseResult> = made.upload(new Blob(['%PDF-1.7']), 'secret');
clearTokenCache();

// cas-upload/core
export const result: Promise<UploadResult> = uploadCas({ file: new Blob([]), token: { url: '/token' } });
// @ts-expect-error: a token source is required
uploadCas({ file: new Blob([]) });

// cas-upload/server
export const handler: (request: Request) => Promise<Response> = createTokenHandler({ apiKey: 'sk_example' });
export const shared = createTokenHandler({
  apiKey: 'sk_example',
  trustProxy: 1,
  onError: (failure) => console.warn(failure.error, failure.status),
  store: createRedisStore({ sendCommand: async (_args: string[]) => null }, { prefix: 'app:' }),
});
export const answered: Promise<Response> = shared(new Request('https://example.com/token'), { clientAddress: '192.0.2.1' });
// @ts-expect-error: trustProxy is a number of hops, not `true` (which would trust forged headers)
createTokenHandler({ apiKey: 'sk_example', trustProxy: true });

// cas-upload/react: the wrapper's typed event props
export const wrapper = (
  <CasUpload
    tokenUrl="/token"
    apiBase="https://api.casparser.in"
    onCasUploadSuccess={(e) => e.detail.result.investor?.name}
    onCasUploadError={(e) => e.detail.code}
  />
);
export const props: CasUploadProps = { tokenUrl: '/token' };
// @ts-expect-error: the detail of a success event has no `code`
export const wrongDetail = <CasUpload onCasUploadSuccess={(e) => e.detail.code} />;

// JSX IntrinsicElements: <cas-upload> itself in React 19
export const direct = (
  <cas-upload
    token-url="/token"
    tokenProvider={async () => 'at_example'}
    oncas-upload-success={(e) => e.detail.durationMs}
    oncas-upload-error={(e) => e.detail.message}
  />
);
// @ts-expect-error: not a property or attribute of <cas-upload>
export const unknownProp = <cas-upload tokenUrll="/token" />;

// <cas-portfolio>: the element, its tag, and the React wrapper.
export const portfolio: CasPortfolioElement | null = document.querySelector('cas-portfolio');
export const csv: string = new CasPortfolioElement().toCSV();
export const hindiTotal: Partial<CasPortfolioStrings> = { total: 'कुल मूल्य' };
// @ts-expect-error: not a text of the element
export const notAString: Partial<CasPortfolioStrings> = { heading: 'x' };
export const portfolioView = <CasPortfolio htmlFor="upload" result={null} />;
export const portfolioTag = <cas-portfolio for="upload" />;

// The other ways to get a statement: the React wrappers and the tags, with each one's events.
export const connectView = (
  <CasConnect
    tokenUrl="/token"
    methods="upload cdsl mailback"
    onCasUploadSuccess={(e) => e.detail.result.investor?.name}
    onCasUploadProgress={(e) => e.detail.phase}
    onCasUploadMailbackSent={(e) => e.detail.fromDate}
    onCasUploadCancel={(e) => ('file' in e.detail ? e.detail.file.name : e.detail.step)}
  />
);
// @ts-expect-error: the cancel of <cas-cdsl-fetch> names a step, not a file
export const cdslCancel = <CasCdslFetch onCasUploadCancel={(e) => e.detail.file} />;
export const cdslView = <CasCdslFetch tokenUrl="/token" periods={2} onCasUploadSuccess={(e) => e.detail.files} />;
export const mailbackView = <CasMailback tokenProvider={async () => 'at_example'} onCasUploadMailbackSent={(e) => e.detail.toDate} />;
export const cdslPrefill = <CasCdslFetch prefill={{ pan: 'ABCDE1234F', boId: '1208160000000001', dob: '1990-01-15' }} />;
export const mailbackPrefill = <cas-mailback prefill={{ email: 'investor@example.com', pan: 'ABCDE1234F' }} />;
// @ts-expect-error: prefill has pan, email, boId and dob only
export const prefillUnknown = <CasMailback prefill={{ phone: '98' }} />;
export const connectWebview = <cas-connect prefill={{ email: 'a@b.in' }} allow-webview-inbox allowWebviewInbox />;
// @ts-expect-error: <cas-mailback> reads no statement, so it has no success event
export const mailbackSuccess = <CasMailback onCasUploadSuccess={() => {}} />;
export const inboxView = <CasInbox redirectUrl="/inbox-callback.html" onCasUploadCancel={(e) => e.detail.step} />;
export const forwardView = (
  <CasForward
    sources="cams kfintech"
    prefill={{ pan: 'ABCDE1234F' }}
    onCasUploadForwardReady={(e) => e.detail.address.toUpperCase() + e.detail.expiresAt}
    onCasUploadSuccess={(e) => e.detail.source === 'forward'}
    onCasUploadCancel={(e) => e.detail.step}
  />
);
export const forwardJsx = <cas-forward inbound-email-id="ie_1" address="a@b.in" wait-minutes="10" oncas-upload-forward-ready={(e) => e.detail.address} />;
export const inboxTag = <cas-inbox redirect-url="/inbox-callback.html" keep-connected oncas-upload-cancel={(e) => e.detail.step} />;
export const connectTag = <cas-connect token-url="/token" methods="upload" oncas-upload-mailback-sent={(e) => e.detail.fromDate} />;
// @ts-expect-error: not a property or attribute of <cas-connect>
export const connectUnknown = <cas-connect tokenUrll="/token" />;
// @ts-expect-error: <cas-mailback> has no `periods`
export const mailbackPeriods = <cas-mailback periods={2} />;
