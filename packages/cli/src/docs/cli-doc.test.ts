import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../help.js';
import { DOCS_DIR } from './fixtures/markdown.js';

const markdown = readFileSync(join(DOCS_DIR, 'reference/cli.md'), 'utf8');
const commands = Object.keys(HELP).filter((name) => name !== 'main');

/** The text of the `## chalice-ts <command>` section, up to the next `## `. */
function section(command: string): string {
  const start = markdown.indexOf(`\n## \`chalice-ts ${command}`);
  if (start === -1) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('docs/reference/cli.md', () => {
  it('covers every command of --help', () => {
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.filter((command) => section(command) === '')).toEqual([]);
  });

  it.each(commands)('shows the usage line of `chalice-ts %s --help` verbatim', (command) => {
    const usage = HELP[command]!.split('\n').find((line) => line.startsWith('Usage: '));
    expect(usage).toBeDefined();
    expect(section(command)).toContain(usage);
  });

  it.each(commands)('explains every option of `chalice-ts %s`', (command) => {
    const options = new Set(HELP[command]!.match(/--[a-z][a-z-]*/g) ?? []);
    expect([...options].filter((option) => !section(command).includes(`\`${option}`))).toEqual([]);
  });

  it('lists every command in the same order as `chalice-ts --help`', () => {
    const listed = [...(HELP['main'] ?? '').matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]);
    const headings = [...markdown.matchAll(/^## `chalice-ts ([a-z]+)/gm)].map((m) => m[1]);
    expect(headings).toEqual(listed.filter((name) => name !== undefined && commands.includes(name)));
  });
});
