/// <reference types="node" />
// A real redis-server for the Node tests: started on a free localhost port with no persistence,
// stopped at the end; `pause()` stops the process (SIGSTOP) to stand for a stalled Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { freePort } from '../e2e/support.js';

/** A connected node-redis client. */
export type RedisClient = ReturnType<typeof connectClient>;

function connectClient(url: string) {
  return createClient({ url });
}

export interface RedisServer {
  /** A connected node-redis client (with an `'error'` listener, as docs/server.md says). */
  client: RedisClient;
  /** Stops the redis-server process until `resume()` (SIGSTOP): every command waits. */
  pause(): void;
  /** Lets it run again (SIGCONT). */
  resume(): void;
  /** Closes the client and stops the server. */
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`redis-server could not start (is it installed? .ci/run installs it): ${e.message}`)));
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
    server.stdout!.on('data', (chunk) => {
      out += chunk;
      if (/Ready to accept connections/.test(out)) resolve();
    });
  });
  const client = connectClient(`redis://127.0.0.1:${port}`);
  client.on('error', () => {}); // a lost connection must not end the test process
  await client.connect();
  let paused = false;
  return {
    client,
    pause() {
      paused = true;
      server.kill('SIGSTOP');
    },
    resume() {
      if (paused) server.kill('SIGCONT');
      paused = false;
    },
    async stop() {
      if (paused) server.kill('SIGCONT');
      await client.close().catch(() => {});
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
    },
  };
}
