import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

/** A certificate and its private key, PEM-encoded. */
export interface IssuedCert {
  readonly certPem: string;
  readonly keyPem: string;
}

/** A certificate authority generated at test time. */
export interface TestCa {
  /** The CA certificate (PEM). */
  readonly caPem: string;
  /** A file holding `caPem`, for config `tls.extraCaFile`. */
  readonly caFile: string;
  /** Issues a server certificate for the given host names. */
  issue(hostnames: readonly string[], options?: { notBefore?: Date; notAfter?: Date }): Promise<IssuedCert>;
}

async function pemKey(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END PRIVATE KEY-----\n`;
}

/**
 * Generates a CA (default subject "Doctor Test Root CA") — and with another subject, e.g.
 * `CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab`, an interceptor's CA.
 */
export async function createTestCa(subject = 'CN=Doctor Test Root CA, O=Stremio Trakt Doctor Tests'): Promise<TestCa> {
  const caKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const caPem = ca.toString('pem');
  const dir = await mkdtemp(path.join(tmpdir(), 'doctor-ca-'));
  const caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, caPem);
  let serial = 1;
  return {
    caPem,
    caFile,
    async issue(hostnames, options = {}) {
      const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
      serial += 1;
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial.toString(16).padStart(2, '0'),
        subject: `CN=${hostnames[0]}`,
        issuer: ca.subject,
        notBefore: options.notBefore ?? new Date(Date.now() - DAY),
        notAfter: options.notAfter ?? new Date(Date.now() + 7 * DAY),
        signingKey: caKeys.privateKey,
        publicKey: keys.publicKey,
        signingAlgorithm: ALG,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.SubjectAlternativeNameExtension(hostnames.map((value) => ({ type: 'dns' as const, value }))),
          await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
        ],
      });
      return { certPem: cert.toString('pem'), keyPem: await pemKey(keys.privateKey) };
    },
  };
}

/** Memoises a promise per key; a rejected one is forgotten so the next caller tries again. */
function memo<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  return made;
}

const processCa = new Map<string, Promise<TestCa>>();

/**
 * The test process's CA (created once, then shared by every world): generating a CA and a certificate per
 * host for each world cost ~0.1 s of CPU per world. Certificates with default dates are issued once per
 * name list; `issue` with dates (an expired certificate) still makes a new one.
 */
export function sharedTestCa(): Promise<TestCa> {
  return memo(processCa, 'default', async () => {
    const ca = await createTestCa();
    const issued = new Map<string, Promise<IssuedCert>>();
    return {
      ...ca,
      issue: (hostnames, options = {}) =>
        options.notBefore || options.notAfter
          ? ca.issue(hostnames, options)
          : memo(issued, hostnames.join('\n'), () => ca.issue(hostnames)),
    };
  });
}
