/** Types of fault-servers.mjs (the parts a Node test reads). */
export const PARSE_BODY: Record<string, unknown>;
export const DEFAULT_BODIES: Record<string, unknown>;
export function faultServers(): { middleware: unknown; plugin: unknown };
