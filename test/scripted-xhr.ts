// A scripted stand-in for XMLHttpRequest: the test decides when upload events and the answer
// arrive. Given to uploadCas through its `createXhr` seam (test/upload.test.ts), or put in place
// of `window.XMLHttpRequest` for an element (test/upload-progress-draw.test.ts).

/** The stand-in; `ScriptedXhr.last` is the one sent last. */
export class ScriptedXhr {
  static last?: ScriptedXhr;
  upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: ((e: ProgressEvent) => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  timeout = 0;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  requestHeaders: Record<string, string> = {};
  responseHeaders: Record<string, string> = {};
  body: FormData | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name.toLowerCase()] = value;
  }
  getAllResponseHeaders(): string {
    return Object.entries(this.responseHeaders)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
  }
  send(body: FormData) {
    this.body = body;
    ScriptedXhr.last = this;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
  }
  bytesSent() {
    this.upload.onload?.(new ProgressEvent('load'));
  }
  answer(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    this.onload?.();
  }
}
