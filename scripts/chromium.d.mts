/** Path of a Chromium or Chrome binary; throws with install advice when there is none. */
export function findChromium(): string;
/** Flags for a headless Chromium that runs as root and never calls the network on its own. */
export const chromiumArgs: string[];
