import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A loopback port whose connects never complete: the kernel drops SYNs once the accept queue is full. */
export interface FullBacklogPort {
  readonly port: number;
  close(): Promise<void>;
}

// The child listens with a backlog of 1 and then blocks its own event loop (Atomics.wait), so it never
// accepts: the first connections fill the queue and every later SYN is dropped — a black-holed port,
// as a firewall that drops packets looks from the client (connect timeout, not refused).
const CHILD = `const net = require('node:net');
const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0));
});`;

/** Starts a black-holed port on 127.0.0.1 (a child process; the fillers are kept until `close`). */
export async function startFullBacklogPort(): Promise<FullBacklogPort> {
  const child: ChildProcess = spawn(process.execPath, ['-e', CHILD], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
  });
  const fillers: net.Socket[] = [];
  // Fill the accept queue until a connect no longer completes quickly.
  for (let i = 0; i < 8; i++) {
    const filled = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      fillers.push(socket);
      socket.on('error', () => undefined);
      const timer = setTimeout(() => resolve(true), 150);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (filled) break;
  }
  return {
    port,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}
