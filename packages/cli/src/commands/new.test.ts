import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../fixtures/cli-process.js';

// Inside packages/cli/src/fixtures so that the new project's `@chalice-ts/runtime` import resolves.
let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir('new');
});
afterAll(async () => {
  await work?.remove();
});

describe('chalice-ts new NAME', () => {
  it('creates a project whose chalice.yaml and app validate', async () => {
    const created = await runCli(['new', 'demo-app'], { cwd: work.dir });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created demo-app/');

    const project = join(work.dir, 'demo-app');
    for (const file of [
      'chalice.yaml',
      'src/app.ts',
      'test/app.test.ts',
      'package.json',
      'tsconfig.json',
      '.gitignore',
    ]) {
      expect(existsSync(join(project, file)), file).toBe(true);
    }
    const yaml = await readFile(join(project, 'chalice.yaml'), 'utf8');
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=\S+chalice\.schema\.json$/m);
    expect(yaml).toContain('app_name: demo-app');
    expect(await readFile(join(project, '.gitignore'), 'utf8')).toContain('.chalice-ts/');

    const validated = await runCli(['validate', '--project-dir', project]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toContain('valid (stage dev; 1 route, 1 authorizer)');
  });

  it('leaves no temporary folder next to the project', async () => {
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(work.dir)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('writes into an existing empty folder', async () => {
    await mkdir(join(work.dir, 'empty-one'));
    const result = await runCli(['new', 'empty-one'], { cwd: work.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(work.dir, 'empty-one', 'chalice.yaml'))).toBe(true);
  });

  it('refuses a folder that is not empty with exit 2 and leaves it untouched', async () => {
    await mkdir(join(work.dir, 'taken'));
    await writeFile(join(work.dir, 'taken', 'notes.txt'), 'mine');
    const result = await runCli(['new', 'taken'], { cwd: work.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists and is not empty');
    expect(existsSync(join(work.dir, 'taken', 'chalice.yaml'))).toBe(false);
  });

  it.each(['1app', 'my app', '../escape', 'a'.repeat(65), ''])(
    'refuses the name %j with exit 2',
    async (name) => {
      const result = await runCli(['new', name], { cwd: work.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not a valid project name|expected exactly one project NAME/);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    },
  );
});
