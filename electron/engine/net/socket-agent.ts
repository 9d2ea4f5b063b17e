import https from 'node:https';
import type { Duplex } from 'node:stream';

/**
 * An agent that hands out one socket that is already connected (and secured): the request goes over
 * the very connection whose DNS, TCP and TLS phases were just measured, instead of a second one.
 */
export class SocketAgent extends https.Agent {
  constructor(private readonly socket: Duplex) {
    super({ keepAlive: false });
  }

  /** Returns the given socket (once: the request closes it). */
  override createConnection(): Duplex {
    return this.socket;
  }
}
