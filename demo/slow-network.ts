/**
 * The demo's "slow network" scenario: a simulated slow uplink for the page's
 * `XMLHttpRequest`s to the mocked API.
 *
 * The mocked API answers from a service worker, and through a service worker the browser fires
 * no upload progress events at all (only `loadstart`). So, while the uplink is on, a request to
 * a matching URL first "transmits" its body at `bytesPerSecond`, firing `progress` events on
 * `xhr.upload` as the browser does on a slow link, then `load` on `xhr.upload` (every byte
 * sent), and only then really goes out (to the mock, which takes its time to "parse"). The
 * element's own progress path (`xhr.upload.onprogress` → `cas-upload-progress` → the
 * progress bar) is what runs. `abort()` and `timeout` behave as they would on the wire.
 *
 * The upload length is estimated from the multipart body (field sizes plus part headers); it
 * only sets the pace.
 */

/** Options of {@link installSlowUplink}. */
export interface SlowUplinkOptions {
  /** Whether the simulation applies right now (checked when each request is sent). */
  enabled: () => boolean;
  /** Which request URLs go through the slow uplink. */
  match: (url: string) => boolean;
  /** Simulated upload speed, in bytes per second. */
  bytesPerSecond: number;
  /** Interval between two progress events, in ms. Default 100. */
  tickMs?: number;
}

/** Bytes of one multipart part besides its content (boundary line and part headers), roughly. */
const PART_OVERHEAD = 160;

/** Estimated size of a request body on the wire. */
function bodyLength(body: Document | XMLHttpRequestBodyInit | null | undefined): number {
  if (body == null) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).length;
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof URLSearchParams) return body.toString().length;
  if (body instanceof FormData) {
    let total = 40; // closing boundary
    body.forEach((value) => {
      total += PART_OVERHEAD + (typeof value === 'string' ? new TextEncoder().encode(value).length : value.size);
    });
    return total;
  }
  return 0;
}

const progress = (type: string, loaded: number, total: number) =>
  new ProgressEvent(type, { lengthComputable: true, loaded, total });

/**
 * Replaces `window.XMLHttpRequest` with a subclass that routes matching uploads through a
 * simulated slow uplink while `enabled()` is true. Returns a function that puts the original
 * class back.
 */
export function installSlowUplink(options: SlowUplinkOptions): () => void {
  const Native = window.XMLHttpRequest;
  const tickMs = options.tickMs ?? 100;

  class SlowUplinkXMLHttpRequest extends Native {
    #url = '';
    #timer: ReturnType<typeof setInterval> | undefined;
    #transmitting = false;

    override open(method: string, url: string | URL, async = true, username?: string | null, password?: string | null): void {
      this.#url = new URL(String(url), location.href).href;
      super.open(method, url, async, username, password);
    }

    override send(body?: Document | XMLHttpRequestBodyInit | null): void {
      if (!options.enabled() || !options.match(this.#url)) return super.send(body);
      const total = Math.max(1, bodyLength(body));
      const timeout = this.timeout;
      const started = performance.now();
      let loaded = 0;
      this.#transmitting = true;
      this.upload.dispatchEvent(progress('loadstart', 0, total));
      this.#timer = setInterval(() => {
        const elapsed = performance.now() - started;
        if (timeout > 0 && elapsed >= timeout) {
          this.#stop();
          this.upload.dispatchEvent(progress('timeout', loaded, total));
          this.upload.dispatchEvent(progress('loadend', loaded, total));
          this.dispatchEvent(progress('timeout', 0, 0));
          this.dispatchEvent(progress('loadend', 0, 0));
          return;
        }
        loaded = Math.min(total, Math.round((elapsed / 1000) * options.bytesPerSecond));
        this.upload.dispatchEvent(progress('progress', loaded, total));
        if (loaded < total) return;
        this.#stop();
        this.upload.dispatchEvent(progress('load', total, total));
        this.upload.dispatchEvent(progress('loadend', total, total));
        // The rest of the time budget is what the real request may still take.
        if (timeout > 0) this.timeout = Math.max(1, timeout - Math.round(elapsed));
        super.send(body);
      }, tickMs);
    }

    override abort(): void {
      if (!this.#transmitting) return super.abort();
      // Not sent for real yet: the browser would fire nothing, so fire what a real abort fires.
      this.#stop();
      this.upload.dispatchEvent(progress('abort', 0, 0));
      this.upload.dispatchEvent(progress('loadend', 0, 0));
      this.dispatchEvent(progress('abort', 0, 0));
      this.dispatchEvent(progress('loadend', 0, 0));
    }

    #stop() {
      clearInterval(this.#timer);
      this.#transmitting = false;
    }
  }

  window.XMLHttpRequest = SlowUplinkXMLHttpRequest;
  return () => {
    window.XMLHttpRequest = Native;
  };
}
