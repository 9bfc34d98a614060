import { zipSync } from 'fflate';

/** DOS timestamps start in 1980; a fixed local-time date gives the same bytes in every time zone. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
/** Unix `-rw-r--r--` in the high 16 bits of the external attributes (with `os: 3`, Unix). */
const FILE_ATTRS = 0o100644 << 16;

/**
 * Zips files so that the same input gives byte-identical output: entries sorted by name, fixed
 * timestamps, permissions and compression level. Lambda only needs read permission.
 *
 * @example
 * ```ts
 * const zip = zipDeterministic({ 'index.mjs': new TextEncoder().encode(code) });
 * ```
 */
export function zipDeterministic(files: Readonly<Record<string, Uint8Array | string>>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; os: number; attrs: number; level: 9 }]> = {};
  for (const name of Object.keys(files).sort()) {
    const content = files[name];
    if (content === undefined) continue;
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    entries[name] = [bytes, { mtime: FIXED_MTIME, os: 3, attrs: FILE_ATTRS, level: 9 }];
  }
  return zipSync(entries);
}
