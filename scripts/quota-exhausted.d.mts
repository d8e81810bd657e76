/** What a quota-exhausted upload cost (scripts/quota-exhausted.mjs). */
export interface QuotaExhaustedMeasure {
  /** Size of the file uploaded, in bytes. */
  fileBytes: number;
  /** Requests to the host's token endpoint, and about how many bytes their request lines and headers take. */
  tokenEndpoint: number;
  tokenEndpointBytes: number;
  /** Parse requests that reached the API, and the bytes of their bodies. */
  parse: number;
  parseBytes: number;
  /** Requests the token helper sent to the API. */
  mints: number;
  credits: number;
  /** The error code the upload ended with (`null`: it succeeded), and its HTTP status. */
  code: string | null;
  status?: number | null;
}
/** One upload of `mib` MiB (default 9) against an exhausted quota, with the sources in `src`. */
export function measureQuotaExhausted(options?: { src?: string; mib?: number }): Promise<QuotaExhaustedMeasure>;
