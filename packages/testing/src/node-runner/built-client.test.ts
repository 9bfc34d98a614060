import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./built-client.node.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

describe('the built package under node --test', () => {
  it('passes a JavaScript test file that imports @chalice-ts/testing from dist/', async () => {
    if (!existsSync(dist)) {
      throw new Error(
        `${dist} is missing: build first (pnpm test does; or pnpm turbo run build --filter=@chalice-ts/testing...)`,
      );
    }
    const outcome = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--test', '--test-reporter=spec', script],
        { timeout: 60_000 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          resolve({ code, output: `${stdout}\n${stderr}` });
        },
      );
    });
    expect(outcome.output, outcome.output).toMatch(/pass 3/);
    expect(outcome.code, outcome.output).toBe(0);
  });
});
