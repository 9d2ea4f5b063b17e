import { openOutsideFile } from '../../core/outside-file';

/** UTF-16LE "VS_VERSION_INFO" + NUL: the key of the version resource (VS_VERSIONINFO, Win32 docs). */
const KEY = Buffer.from('VS_VERSION_INFO\0', 'utf16le');
/** VS_FIXEDFILEINFO.dwSignature 0xFEEF04BD, little-endian. */
const SIGNATURE = Buffer.from([0xbd, 0x04, 0xef, 0xfe]);
const CHUNK = 1024 * 1024;
/** Executables larger than this are not scanned (Stremio's shells are a few MB; bounded work). */
const MAX_SCAN_BYTES = 256 * 1024 * 1024;
/** The fixed info starts at most this far after the key (the key is padded to a 32-bit boundary). */
const KEY_TO_FIXED = 8;
const FIXED_BYTES = 24;

/** What reading an exe's version resource gave. */
export type PeVersion =
  { readonly ok: true; readonly version: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads the product version of a Windows executable from its version resource (VS_FIXEDFILEINFO
 * `dwProductVersionMS/LS`; shell-ng's `build.rs` puts the crate version there).
 * Scans in bounded chunks rather than walking the PE resource tree: the key + signature pair is unique.
 */
export async function readPeProductVersion(file: string, signal?: AbortSignal): Promise<PeVersion> {
  let handle;
  try {
    handle = await openOutsideFile(file);
  } catch (error) {
    return { ok: false, reason: `cannot open the exe (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    if (head.toString('latin1') !== 'MZ') return { ok: false, reason: 'not a Windows executable' };
    const overlap = KEY.length + KEY_TO_FIXED + FIXED_BYTES;
    let carry = Buffer.alloc(0);
    for (let position = 0; position < MAX_SCAN_BYTES; position += CHUNK) {
      if (signal?.aborted) return { ok: false, reason: 'stopped before the version resource was found' };
      const chunk = Buffer.alloc(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, position);
      if (bytesRead === 0) break;
      const window = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      const found = findFixedInfo(window);
      if (found) return { ok: true, version: found };
      carry = window.subarray(Math.max(0, window.length - overlap));
    }
    return { ok: false, reason: 'the exe carries no version resource' };
  } catch (error) {
    return { ok: false, reason: `cannot read the exe (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle.close();
  }
}

function findFixedInfo(buffer: Buffer): string | null {
  for (let at = buffer.indexOf(KEY); at >= 0; at = buffer.indexOf(KEY, at + 1)) {
    const from = at + KEY.length;
    const sig = buffer.subarray(from, from + KEY_TO_FIXED + SIGNATURE.length).indexOf(SIGNATURE);
    if (sig < 0) continue;
    const fixed = from + sig;
    if (fixed + FIXED_BYTES > buffer.length) return null;
    const ms = buffer.readUInt32LE(fixed + 16);
    const ls = buffer.readUInt32LE(fixed + 20);
    const parts = [ms >>> 16, ms & 0xffff, ls >>> 16, ls & 0xffff];
    // Windows versions have four parts; the fourth is 0 for Stremio's builds and means nothing to users.
    return (parts[3] === 0 ? parts.slice(0, 3) : parts).join('.');
  }
  return null;
}
