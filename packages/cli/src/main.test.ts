import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from './fixtures/cli-process.js';
import { HELP } from './help.js';

const COMMANDS = Object.keys(HELP).filter((name) => name !== 'main');

describe('chalice-ts', () => {
  it.each(COMMANDS)('prints the usage of %s for --help and exits 0', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: chalice-ts ${command}`);
    expect(result.stdout).toContain('Examples:');
  });

  it('lists every command for --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });

  it('prints the help and exits 2 without a command', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: chalice-ts <command>');
  });

  it('prints the version of the package for --version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${pkg.version}\n`);
  });

  it.each([
    ['locl', 'local'],
    ['delet', 'delete'],
    ['deploi', 'deploy'],
    ['valdiate', 'validate'],
    ['shcema', 'schema'],
  ])('exits 2 for the unknown command %s and suggests %s', async (typo, command) => {
    const result = await runCli([typo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unknown command '${typo}'`);
    expect(result.stderr).toContain(`Did you mean '${command}'?`);
  });

  it('does not suggest a command for a word that resembles none', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('Did you mean');
  });

  it('prints the JSON Schema of chalice.yaml, equal to the one the core package ships', async () => {
    const shipped = JSON.parse(
      await readFile(new URL('../../core/chalice.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(shipped);
  });
});
