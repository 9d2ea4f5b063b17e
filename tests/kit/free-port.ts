import net from 'node:net';

/** A loopback port free right now (Trakt matches a redirect URI's port exactly, so OAuth tests register one). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}
