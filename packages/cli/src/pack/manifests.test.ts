import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeImports, sourceImports } from './fixtures/imports.js';
import {
  entryFiles,
  missingEntryFiles,
  type WorkspacePackage,
  workspacePackages,
} from './fixtures/workspace.js';

const packages = workspacePackages();
const byFolder = (folder: string): WorkspacePackage => {
  const pkg = packages.find((p) => p.folder === folder);
  if (!pkg) throw new Error(`no package in packages/${folder}`);
  return pkg;
};
const declared = (pkg: WorkspacePackage) =>
  new Set(Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies }));

describe('every package.json is publishable on its own', () => {
  it('covers the six packages of ARCHITECTURE §1', () => {
    expect(packages.map((p) => p.folder)).toEqual(['cli', 'core', 'deployer', 'local', 'runtime', 'testing']);
  });

  it.each(packages)('$folder has a name, version, license, description, repository and keywords', (pkg) => {
    const m = pkg.manifest;
    expect(m.name).toBe(`@chalice-ts/${pkg.folder}`);
    expect(m.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    expect(m.license).toBe('Apache-2.0');
    expect(m.description?.length ?? 0).toBeGreaterThan(20);
    expect(m.repository).toMatchObject({ type: 'git', directory: `packages/${pkg.folder}` });
    expect(m.keywords).toContain('chalice');
  });

  it.each(packages)('$folder is ESM, free of side effects, for Node 20+, published publicly', (pkg) => {
    expect(pkg.manifest).toMatchObject({
      type: 'module',
      sideEffects: false,
      engines: { node: '>=20' },
      publishConfig: { access: 'public' },
    });
  });

  it.each(packages)('$folder lists types first, then import, in every exports entry', (pkg) => {
    const entries = Object.entries(pkg.manifest.exports ?? {});
    expect(entries.map(([subpath]) => subpath)).toContain('.');
    for (const [subpath, target] of entries) {
      if (typeof target === 'string') continue;
      expect(Object.keys(target), subpath).toEqual(['types', 'import']);
      expect(target['types'], subpath).toBe(target['import']?.replace(/\.js$/, '.d.ts'));
    }
  });

  it.each([
    ['core', './config'],
    ['core', './chalice.schema.json'],
    ['core', './package.json'],
    ['runtime', './binding'],
    ['runtime', './package.json'],
  ])('@chalice-ts/%s exports the subpath %s', (folder, subpath) => {
    expect(Object.keys(byFolder(folder).manifest.exports ?? {})).toContain(subpath);
  });

  it.each(packages)('$folder publishes its README and every file its exports and bin point to', (pkg) => {
    expect(existsSync(join(pkg.dir, 'README.md'))).toBe(true);
    const files = pkg.manifest.files ?? [];
    expect(files).toContain('README.md');
    // npm always packs package.json, whatever `files` says.
    const covered = (file: string) =>
      file === 'package.json' || files.some((entry) => file === entry || file.startsWith(`${entry}/`));
    expect(entryFiles(pkg.manifest).filter((file) => !covered(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['!src/**/*.test.ts', '!src/**/fixtures']));
  });

  it.each(packages)('$folder has every file of its exports and bin after the build', (pkg) => {
    expect(missingEntryFiles(pkg), 'run `pnpm build` first (the root `pnpm test` does)').toEqual([]);
  });

  it('gives the CLI the bin `chalice-ts`, an executable script with a node shebang', () => {
    const cli = byFolder('cli');
    expect(cli.manifest.bin).toEqual({ 'chalice-ts': './dist/bin.js' });
    const shebang = '#!/usr/bin/env node\n';
    expect(readFileSync(join(cli.dir, 'src/bin.ts'), 'utf8').startsWith(shebang)).toBe(true);
    expect(readFileSync(join(cli.dir, 'dist/bin.js'), 'utf8').startsWith(shebang)).toBe(true);
  });

  it.each(packages)('$folder declares every package its published code imports', async (pkg) => {
    const needed = new Set([...(await runtimeImports(pkg)), ...sourceImports(pkg).keys()]);
    expect(needed.size).toBeGreaterThan(0);
    expect([...needed].filter((name) => !declared(pkg).has(name))).toEqual([]);
  });

  it.each(packages)('$folder declares no dependency its published code never imports', (pkg) => {
    const used = sourceImports(pkg);
    expect([...declared(pkg)].filter((name) => !used.has(name))).toEqual([]);
  });

  it.each(packages)('$folder depends on the other chalice-ts packages through workspace:*', (pkg) => {
    const ours = Object.entries(pkg.manifest.dependencies ?? {}).filter(([name]) =>
      name.startsWith('@chalice-ts/'),
    );
    expect(ours.filter(([, range]) => range !== 'workspace:*')).toEqual([]);
  });

  it('keeps the runtime free of third-party dependencies, as it is what Lambda loads', () => {
    expect(Object.keys(byFolder('runtime').manifest.dependencies ?? {})).toEqual(['@chalice-ts/core']);
  });

  it.each([
    ['core', []],
    ['runtime', ['@chalice-ts/core']],
    ['local', ['@chalice-ts/core', '@chalice-ts/runtime']],
    ['testing', ['@chalice-ts/core', '@chalice-ts/local', '@chalice-ts/runtime']],
    ['deployer', ['@chalice-ts/core', '@chalice-ts/runtime']],
    ['cli', ['@chalice-ts/core', '@chalice-ts/deployer', '@chalice-ts/local', '@chalice-ts/runtime']],
  ])('@chalice-ts/%s depends on exactly %j among the chalice-ts packages', (folder, expected) => {
    const ours = Object.keys(byFolder(folder).manifest.dependencies ?? {}).filter((n) =>
      n.startsWith('@chalice-ts/'),
    );
    expect(ours.sort()).toEqual(expected);
  });
});
