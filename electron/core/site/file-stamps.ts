import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';

// Each file of a site as the build that wrote it left it: its inode and change time (its stamp). A later
// rebuild hashes only the files whose stamp differs: any write, rename or permission change gives a file a new ctime,
// and no tool but a changed system clock can set it back (issue 16.4: the stamp the build that wrote a file saved is
// as good as its SHA-256).
//
// Saved beside the build state (build-state.ts) in a file of their own, in the order of the manifest they describe
// (named by its SHA-256 in the header), two 64-bit numbers a file: the scan of the previous site (build/site-scan.ts)
// compares them where it stats the files, on its worker, and the builder's thread never sees a path-keyed table of
// them. Held in memory as a Float64Array (inode at 2i, change time in milliseconds at 2i + 1; 0, 0 for no stamp):
// the change time as a stat gives it without BigInts, exact to a quarter of a microsecond (file systems keep it to the
// tick of a clock, milliseconds on most), and stats without BigInts cost the scan a third less, its garbage included.

/** Two numbers a file: inode, change time. */
export type Stamps = Float64Array;

const MAGIC = Buffer.from('candor-stamps-2\n', 'latin1');
/** Magic, the manifest's SHA-256 (32 bytes), the count of files (4 bytes) and 4 bytes of padding: 8-byte aligned. */
const HEADER = MAGIC.length + 32 + 8;

/** A file's stamp as a writer saw it (site-writer.ts): "<inode>:<ctime in ms>", null for no regular file. */
export function stampOf(st: Stats): string | null {
  return st.isFile() ? `${st.ino}:${st.ctimeMs}` : null;
}

/** A path's stat, or null when it cannot be had (missing, not reachable). */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Puts file `i`'s stamp into `stamps` from a stat. */
export function setStamp(stamps: Stamps, i: number, st: Stats): void {
  stamps[2 * i] = st.ino;
  stamps[2 * i + 1] = st.ctimeMs;
}

/** Puts file `i`'s stamp into `stamps` from its text (stampOf); no stamp for null. */
export function setStampText(stamps: Stamps, i: number, stamp: string | null | undefined): void {
  const at = stamp ? stamp.indexOf(':') : -1;
  if (!stamp || at < 0) return;
  stamps[2 * i] = Number(stamp.slice(0, at));
  stamps[2 * i + 1] = Number(stamp.slice(at + 1));
}

/** The stamps saved for the manifest whose SHA-256 is `manifestSha` with `count` files, or null (none, another manifest, unreadable). */
export function readStamps(path: string, manifestSha: string, count: number): Stamps | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  if (bytes.length !== HEADER + count * 16 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (bytes.toString('hex', MAGIC.length, MAGIC.length + 32) !== manifestSha || bytes.readUInt32LE(MAGIC.length + 32) !== count) return null;
  const stamps = new Float64Array(count * 2);
  bytes.copy(Buffer.from(stamps.buffer), 0, HEADER);
  return stamps;
}

/** Whether file `i` has the same stamp in both (and has one). */
export function sameStamp(a: Uint32Array, b: Uint32Array, i: number): boolean {
  const at = 4 * i;
  return (a[at] !== 0 || a[at + 1] !== 0) && a[at] === b[at] && a[at + 1] === b[at + 1] && a[at + 2] === b[at + 2] && a[at + 3] === b[at + 3];
}

/** The 32-bit words of stamps, to compare them bit for bit. */
export function stampWords(stamps: Stamps): Uint32Array {
  return new Uint32Array(stamps.buffer, stamps.byteOffset, stamps.length * 2);
}

/** Saves the stamps of the manifest `manifestSha` (written aside, then renamed into place). */
export function writeStamps(path: string, manifestSha: string, stamps: Stamps): void {
  const head = Buffer.alloc(HEADER);
  MAGIC.copy(head);
  head.write(manifestSha, MAGIC.length, 'hex');
  head.writeUInt32LE(stamps.length / 2, MAGIC.length + 32);
  writeFileSync(`${path}.tmp`, Buffer.concat([head, Buffer.from(stamps.buffer, stamps.byteOffset, stamps.byteLength)]));
  renameSync(`${path}.tmp`, path);
}
