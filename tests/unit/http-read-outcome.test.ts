import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readOutcome } from '../../electron/engine/net/http-client';

// The one place an HTTP exchange becomes an outcome (the repeated `finish` block, folded): an answer's body is cut
// at the size bound and never read further, every exchange reaches the trace once, and the first end wins.

/** Got's stream as `readOutcome` reads it: events, the response once headers came, timings, destroy. */
class FakeStream extends EventEmitter {
  response:
    { statusCode: number; headers: Record<string, string>; timings: { phases: Record<string, number> } } | undefined;
  timings = { phases: { total: 7 } };
  destroyed = false;
  destroy() {
    this.destroyed = true;
  }
}
const answer = { statusCode: 200, headers: { 'content-type': 'text/plain' }, timings: { phases: { total: 9 } } };

function read(limit: number) {
  const stream = new FakeStream();
  const traced: unknown[][] = [];
  const outcome = readOutcome(stream as never, 'https://api.trakt.tv/x', limit, (...entry) => void traced.push(entry));
  return { stream, traced, outcome };
}

describe('reading an exchange into one outcome', () => {
  it('keeps the whole body of an answer within the bound, with its own timings', async () => {
    const { stream, traced, outcome } = read(100);
    stream.response = answer;
    stream.emit('data', Buffer.from('hello '));
    stream.emit('data', Buffer.from('world'));
    stream.emit('end');
    expect(await outcome).toMatchObject({ ok: true, status: 200, body: 'hello world', truncated: false });
    expect((await outcome).timings.total).toBe(9);
    expect(traced).toEqual([[200, answer.headers, expect.objectContaining({ total: 9 }), null]]);
  });

  it('cuts the body at the bound, stops reading, and answers at once', async () => {
    const { stream, traced, outcome } = read(8);
    stream.response = answer;
    stream.emit('data', Buffer.from('0123456789'));
    expect(stream.destroyed).toBe(true);
    stream.emit('data', Buffer.from('more'));
    expect(await outcome).toMatchObject({ ok: true, body: '01234567', truncated: true });
    expect((await outcome).timings.total).toBe(7); // the stream's timings: the response never ended
    expect(traced).toHaveLength(1);
  });

  it('classifies a failure by its lowest layer and says it once', async () => {
    const { stream, traced, outcome } = read(100);
    stream.emit('error', Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    stream.emit('error', Object.assign(new Error('again'), { code: 'ECONNRESET' }));
    expect(await outcome).toMatchObject({ ok: false, kind: 'dns', code: 'ENOTFOUND', message: 'ENOTFOUND' });
    expect(traced).toEqual([[null, {}, expect.any(Object), 'ENOTFOUND']]);
  });
});
