/** Types of check.mjs: an exchange with the API held against the schema of the specification. */
export interface Exchange {
  method: string;
  path?: string;
  endpoint?: string;
  headers?: Record<string, string>;
  request?: unknown;
  status?: number;
  answer?: unknown;
  offSpec?: string;
}
export const schema: { $id: string; 'x-endpoints': { name: string; method: string | string[]; path: string | null }[] } & Record<string, unknown>;
export function endpointOf(x: Pick<Exchange, 'method' | 'path' | 'endpoint'>): { name: string } | undefined;
export function check(x: Exchange): string[];
