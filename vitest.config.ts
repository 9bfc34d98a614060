import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const packages = readdirSync(new URL('./packages', import.meta.url));
const examples = readdirSync(new URL('./examples', import.meta.url)).filter((n) => !n.startsWith('.'));

// Tests run against TypeScript sources: each workspace package name resolves to its src/.
const alias = [
  { find: /^@chalice-ts\/core\/config$/, replacement: `${root}packages/core/src/config/index.ts` },
  { find: /^@chalice-ts\/runtime\/binding$/, replacement: `${root}packages/runtime/src/binding/index.ts` },
  ...packages.map((name) => ({
    find: new RegExp(`^@chalice-ts/${name}$`),
    replacement: `${root}packages/${name}/src/index.ts`,
  })),
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `${root}packages/${name}`,
          include: ['src/**/*.test.ts'],
          // Scratch projects a crashed CLI test may leave behind are not tests of ours.
          exclude: ['**/node_modules/**', '**/.tmp-*/**'],
        },
      })),
      ...examples.map((name) => ({
        extends: true as const,
        test: { name: `example:${name}`, root: `${root}examples/${name}`, include: ['test/**/*.test.ts'] },
      })),
    ],
    reporters: ['default', './scripts/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
