import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'config' && dir === src ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the main entry of @chalice-ts/core', () => {
  // Lambda bundles import the main entry; zod and yaml must stay behind the config subpath.
  it.each(sourceFiles(src).map((file) => [file.slice(src.length)]))(
    '%s imports neither zod, yaml nor config/',
    (file) => {
      const text = readFileSync(join(src, file), 'utf8');
      expect(text).not.toMatch(/from\s+['"](?:zod|yaml)(?:\/[^'"]*)?['"]|from\s+['"][./]*config\//);
    },
  );
});
