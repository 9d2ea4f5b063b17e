#!/usr/bin/env node
// Maintainers' side of the known-incidents feed (docs/incidents.md):
//   npm run incidents:keygen [-- --private-out FILE]   prints a new Ed25519 key pair
//   npm run incidents:sign -- --key FILE [--in incidents/draft.json] [--out incidents/feed.json]
// A private key is never read from, nor written into, the repository.
import { generateKeyPairSync, createHash, createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message) {
  process.stderr.write(`incidents: ${message}\n`);
  process.exit(2);
}

function insideRepository(file) {
  const relative = path.relative(root, path.resolve(file));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function fingerprint(publicKeyPem) {
  const der = createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function keygen(values) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  if (values['private-out']) {
    if (insideRepository(values['private-out'])) fail('refusing to write a private key inside the repository');
    writeFileSync(values['private-out'], privatePem, { mode: 0o600, flag: 'wx' });
    process.stdout.write(
      `Private key written to ${values['private-out']} (mode 600). Keep it out of the repository.\n\n`,
    );
  } else {
    process.stdout.write(`Private key (keep it secret, never commit it):\n${privatePem}\n`);
  }
  process.stdout.write(`Public key (fingerprint ${fingerprint(publicPem)}):\n${publicPem}`);
}

async function signCommand(values) {
  if (!values.key) fail('--key FILE (the Ed25519 private key, PEM) is required');
  if (insideRepository(values.key)) fail('refusing to read a private key from inside the repository');
  const input = values.in ?? 'incidents/draft.json';
  const output = values.out ?? 'incidents/feed.json';
  let draft;
  try {
    draft = JSON.parse(readFileSync(input, 'utf8'));
  } catch (error) {
    fail(`${input}: cannot be read as JSON (${error.message})`);
  }
  const { module } = await runnerImport(path.join(root, 'build/scripts/sign-feed.ts'), {
    configFile: false,
    logLevel: 'warn',
  });
  const signed = module.signFeed(draft, readFileSync(values.key, 'utf8'), Date.now());
  if (!signed.ok) fail(`${input}: not signed: ${signed.reason}`);
  writeFileSync(output, signed.document);
  process.stdout.write(
    `Signed ${input} → ${output} (${Buffer.byteLength(signed.document)} bytes) with the key whose public half has fingerprint ${fingerprint(signed.publicKey)}.\n`,
  );
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    key: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    'private-out': { type: 'string' },
  },
});
if (command === 'keygen') keygen(values);
else if (command === 'sign') await signCommand(values);
else fail('usage: incidents.mjs keygen [--private-out FILE] | sign --key FILE [--in FILE] [--out FILE]');
