import type { Reply } from './http-host';
import type { World } from './world';

/** The answer a hotel's sign-in page gives Chrome's portal probe: a redirect to its login page. */
export const HOTEL_PORTAL_REDIRECT: Reply = {
  status: 302,
  headers: { location: 'http://login.hotel.example/portal' },
  body: '<html>Please log in</html>',
};

/**
 * A captive portal as it really stands in the way: the probe is redirected (or answered `reply`) and every
 * HTTPS service's connection is reset until the user signs in to the network. Returns the sign-in: it lets
 * everything through again (the probe answers 204).
 */
export function holdBehindHotelPortal(world: World, reply: Reply = HOTEL_PORTAL_REDIRECT): () => void {
  const services = [world.stremioWeb, world.stremioApi, world.traktWeb, world.traktApi, world.traktAuth];
  world.captivePortal.route('GET', '/generate_204', reply);
  for (const host of services) host.fault = 'reset';
  return () => {
    world.captivePortal.route('GET', '/generate_204', { status: 204 });
    for (const host of services) host.fault = 'normal';
  };
}
