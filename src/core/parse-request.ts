import { CasUploadError } from './errors.js';
import { onAbort } from './signals.js';

/** Upload progress: bytes sent (`upload`), then waiting for the parser (`parse`). */
export interface ProgressDetail {
  phase: 'upload' | 'parse';
  loaded: number;
  total: number;
}

/** One HTTP answer from the parse endpoint, before it is judged. */
export interface RawResponse {
  status: number;
  body: string;
  requestId: string | null;
  retryAfter: string | null;
}

/** One attempt at `POST {url}` with the file and password as multipart. */
export interface ParseRequestInit {
  url: string;
  file: Blob;
  fileName?: string;
  fileField: string;
  password: string;
  token: string;
  timeout: number;
  signal?: AbortSignal;
  onProgress?: (progress: ProgressDetail) => void;
  /** Seam for tests: makes the `XMLHttpRequest`. */
  createXhr?: () => XMLHttpRequest;
}

/**
 * Sends one multipart request with `XMLHttpRequest` (so that upload progress exists). The
 * browser streams the file from the `Blob`; it is never read into memory here.
 * Resolves with any HTTP answer; rejects with `network-error`, `timeout` or `aborted`.
 */
export function sendParseRequest(init: ParseRequestInit): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { signal, file, onProgress } = init;
    const size = file.size;
    const xhr = init.createXhr?.() ?? new XMLHttpRequest();
    const form = new FormData();
    // `timeout` is how long to wait for the answer once the bytes are sent; while they are
    // being sent, how long the upload may go without progress. A slow connection that keeps
    // sending is not cut off. (Where no upload events fire, it counts from the start.)
    // One timer, not one per progress event: each event only notes its time; when the timer
    // fires with progress since, it waits again for what is left of `timeout` after that.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    let last = 0;
    const check = () => {
      const left = last + init.timeout - performance.now();
      if (left > 0) timer = setTimeout(check, left);
      else ((timedOut = true), xhr.abort());
    };
    const arm = () => {
      last = performance.now();
      timer ??= setTimeout(check, init.timeout);
    };
    let off = () => {};
    // Settled: no timer and no listener left on the caller's (possibly long-lived) signal.
    const done = () => (clearTimeout(timer), off());
    const fail = (code: 'network-error' | 'timeout' | 'aborted') => () => {
      done();
      reject(new CasUploadError(timedOut ? 'timeout' : code));
    };
    // `phase: 'parse'` once the bytes are sent. Where the browser fires no upload events
    // (a service worker in between), it is sent when the answer arrives, still before it.
    let sent = false;
    const bytesSent = () => sent || ((sent = true), onProgress?.({ phase: 'parse', loaded: size, total: size }));
    form.append(init.fileField, file, init.fileName ?? (file as File).name ?? 'cas.pdf');
    form.append('password', init.password);
    xhr.open('POST', init.url);
    xhr.setRequestHeader('x-api-key', init.token);
    xhr.upload.onprogress = (e) => {
      arm();
      onProgress?.({ phase: 'upload', loaded: e.loaded, total: e.total || size });
    };
    xhr.upload.onload = () => {
      arm();
      bytesSent();
    };
    xhr.onload = () => {
      done();
      bytesSent();
      // Only the headers the API exposes (CORS) are listed here; asking for another one with
      // getResponseHeader() would log an error on the host's console.
      const headers = xhr.getAllResponseHeaders();
      const header = (name: string) => headers.match(new RegExp(`^${name}:\\s*(.*?)\\s*$`, 'im'))?.[1] ?? null;
      resolve({
        status: xhr.status,
        body: xhr.responseText,
        requestId: header('x-request-id'),
        retryAfter: header('retry-after'),
      });
    };
    xhr.onerror = fail('network-error');
    xhr.ontimeout = fail('timeout');
    xhr.onabort = fail('aborted');
    if (signal?.aborted) return fail('aborted')();
    off = onAbort(signal, () => xhr.abort());
    arm();
    xhr.send(form);
  });
}
