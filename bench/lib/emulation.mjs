// Chromium's own network and CPU emulation, set through the DevTools protocol on one page
// (playwright-core's `page.context().newCDPSession(page)`): the conditions investors are in.

/** A 10 Mbit/s link both ways, 20 ms latency: a home or office uplink, as Chromium emulates it. */
export const UPLINK_10M = { name: '10 Mbit/s', latency: 20, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

/**
 * Fast 3G as Lighthouse's mobile preset defines it: 150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up.
 */
export const FAST_3G = { name: 'Fast 3G', latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/** The CPU slowdown of a mid-range phone against this machine, as Lighthouse's mobile preset. */
export const PHONE_CPU = 4;

/**
 * Puts `network` (one of the above) and `cpu` (a slowdown factor, 1 = none) in place on the
 * page of `cdp`, before it loads anything that is measured.
 */
export async function emulate(cdp, { network, cpu = 1 }) {
  if (network) {
    await cdp.send('Network.enable');
    const { name, ...conditions } = network;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
  }
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
}

/** `network` in words, for the report. */
export const describe = (n) =>
  `${n.name}: ${n.latency} ms latency, ${(n.downloadThroughput * 8) / 1e6} Mbit/s down, ${(n.uploadThroughput * 8) / 1e6} Mbit/s up`;
