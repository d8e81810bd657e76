import { CasUploadError } from './errors.js';

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
    const { signal } = init;
    if (signal?.aborted) return reject(new CasUploadError('aborted'));
    const xhr = init.createXhr?.() ?? new XMLHttpRequest();
    const form = new FormData();
    form.append(init.fileField, init.file, init.fileName ?? (init.file as File).name ?? 'statement.pdf');
    form.append('password', init.password);

    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    const fail = (code: 'network-error' | 'timeout' | 'aborted') => () => {
      done();
      reject(new CasUploadError(code));
    };

    xhr.open('POST', init.url);
    xhr.timeout = init.timeout;
    xhr.setRequestHeader('x-api-key', init.token);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      const total = e.lengthComputable ? e.total : init.file.size;
      init.onProgress?.({ phase: 'upload', loaded: e.loaded, total });
    };
    // `phase: 'parse'` once the bytes are sent. Where the browser fires no upload events
    // (a service worker in between), it is sent when the answer arrives, still before it.
    let sent = false;
    const bytesSent = () => {
      if (sent) return;
      sent = true;
      const total = init.file.size;
      init.onProgress?.({ phase: 'parse', loaded: total, total });
    };
    xhr.upload.onload = bytesSent;
    xhr.onload = () => {
      done();
      bytesSent();
      resolve({
        status: xhr.status,
        body: xhr.responseText,
        requestId: xhr.getResponseHeader('x-request-id'),
        retryAfter: xhr.getResponseHeader('retry-after'),
      });
    };
    xhr.onerror = fail('network-error');
    xhr.ontimeout = fail('timeout');
    xhr.onabort = fail('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}
