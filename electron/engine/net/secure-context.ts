import tls from 'node:tls';

const contexts = new Map<string, tls.SecureContext>();

/**
 * The TLS context trusting Node's bundled roots plus an extra CA (`tls.extraCaFile`), built once per CA:
 * parsing the ~150 bundled roots costs about 150 ms of blocked event loop, which per connection would
 * serialise every concurrent probe behind it.
 */
export function secureContextWith(extraCa: string): tls.SecureContext {
  let context = contexts.get(extraCa);
  if (!context) {
    context = tls.createSecureContext({ ca: [...tls.rootCertificates, extraCa] });
    contexts.set(extraCa, context);
  }
  return context;
}
