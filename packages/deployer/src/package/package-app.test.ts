import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApp, resolved } from '../fixtures/apps.js';
import { makeProject, SEED_APP_SOURCE } from '../fixtures/project.js';
import { packageApp } from './package-app.js';

let projectDir: string;
beforeAll(async () => {
  projectDir = await makeProject({ 'src/app.ts': SEED_APP_SOURCE });
});
afterAll(() => rm(projectDir, { recursive: true, force: true }));

const run = (outDir: string, format?: 'sam' | 'cloudformation') =>
  packageApp({
    model: seedApp(),
    resolved: resolved(),
    stage: 'dev',
    projectDir,
    outDir,
    ...(format && { format }),
  });

describe('packageApp', () => {
  it('writes template.json, openapi.json and deployment.zip and nothing else', async () => {
    const outDir = join(projectDir, 'out');
    const result = await run(outDir);
    expect((await readdir(outDir)).sort()).toEqual(['deployment.zip', 'openapi.json', 'template.json']);
    const template = JSON.parse(await readFile(result.files.template, 'utf8'));
    expect(template.Resources.APIHandler.Type).toBe('AWS::Lambda::Function');
    expect(JSON.parse(await readFile(result.files.openapi, 'utf8'))).toEqual(result.swagger);
    expect(template.Resources.RestAPI.Properties.Body).toEqual(result.swagger);
  });

  it('writes the same bytes when run twice on the same input', async () => {
    const a = await run(join(projectDir, 'a'));
    const b = await run(join(projectDir, 'b'));
    for (const name of ['template.json', 'openapi.json', 'deployment.zip']) {
      const [x, y] = await Promise.all([
        readFile(join(projectDir, 'a', name)),
        readFile(join(projectDir, 'b', name)),
      ]);
      expect(x.equals(y), name).toBe(true);
    }
    expect(a.zipSha256).toBe(b.zipSha256);
  });

  it("writes Chalice's SAM template with --format sam", async () => {
    const result = await run(join(projectDir, 'sam'), 'sam');
    const template = JSON.parse(await readFile(result.files.template, 'utf8'));
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(template.Resources.APIHandler.Properties.CodeUri).toBe('./deployment.zip');
  });

  it('leaves no file behind when bundling fails', async () => {
    const outDir = join(projectDir, 'failed');
    const failing = packageApp({
      model: seedApp(),
      resolved: resolved(),
      stage: 'dev',
      projectDir,
      outDir,
      entry: 'src/missing.ts',
    });
    await expect(failing).rejects.toMatchObject({ code: 'BUNDLE_FAILED' });
    await expect(readdir(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
