import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatConfigIssue, parseConfig } from '@chalice-ts/core/config';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { allMarkedBlocks, type MarkedBlock, REPO_ROOT } from './fixtures/markdown.js';

// Docs mark their runnable blocks with an HTML comment right before the fence:
//   <!-- snippet: typecheck -->            a ```ts module, typechecked against packages/*/src
//   <!-- snippet: typecheck path=src/app.ts -->  the same, as that file of the doc's virtual project
//                                           (so `import { app } from '../src/app.js'` resolves)
//   <!-- snippet: chalice.yaml -->         a ```yaml chalice.yaml, validated with parseConfig
const blocks = allMarkedBlocks();
const typecheck = blocks.filter((b) => b.kind === 'typecheck');
const yamlBlocks = blocks.filter((b) => b.kind === 'chalice.yaml');

const packagesDir = join(REPO_ROOT, 'packages');
const paths: Record<string, string[]> = {
  '@chalice-ts/core/config': [join(packagesDir, 'core/src/config/index.ts')],
  '@chalice-ts/runtime/binding': [join(packagesDir, 'runtime/src/binding/index.ts')],
};
for (const name of readdirSync(packagesDir)) {
  paths[`@chalice-ts/${name}`] = [join(packagesDir, name, 'src/index.ts')];
}

/** Where a snippet lives in the in-memory program: one virtual project per doc. */
function virtualPath(block: MarkedBlock, index: number): string {
  const project = join(REPO_ROOT, '.doc-snippets', block.doc.replace(/[/.]/g, '_'));
  return join(project, block.attrs['path'] ?? `snippet-${index}.ts`);
}

// A snippet importing from a package that exports nothing yet (a stub being written) is skipped,
// not failed; any other unresolved import or name is a failure.
function stubPackages(program: ts.Program, source: ts.SourceFile): string[] {
  const checker = program.getTypeChecker();
  const stubs: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('@chalice-ts/')) continue;
    const module = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (module !== undefined && checker.getExportsOfModule(module).length === 0) stubs.push(specifier);
  }
  return stubs;
}

describe('typechecked snippets in docs/', () => {
  const virtual = new Map<string, string>();
  const entries = typecheck.map((block, i) => ({ block, file: virtualPath(block, i) }));
  for (const { block, file } of entries) {
    if (virtual.has(file)) throw new Error(`${block.doc}:${block.line}: two snippets claim ${file}`);
    virtual.set(file, block.code);
  }
  let program: ts.Program;

  beforeAll(() => {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [join(REPO_ROOT, 'node_modules/@types')],
      paths,
    };
    const host = ts.createCompilerHost(options);
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
    host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
    // The virtual projects have no folders on disk: module resolution must still see them.
    const { directoryExists } = host;
    host.directoryExists = (d) =>
      [...virtual.keys()].some((f) => f.startsWith(`${d}/`)) || (directoryExists?.call(host, d) ?? false);
    host.getSourceFile = (f, lang, onError, fresh) => {
      const text = virtual.get(f);
      return text === undefined
        ? getSourceFile.call(host, f, lang, onError, fresh)
        : ts.createSourceFile(f, text, lang, true);
    };
    program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  });

  it('finds snippets to check', () => {
    expect(typecheck.length).toBeGreaterThan(10);
    for (const block of typecheck)
      expect(block.lang, `${block.doc}:${block.line}`).toMatch(/^(ts|typescript)$/);
  });

  it.for(entries.map(({ block, file }) => [`${block.doc}:${block.line}`, block, file] as const))(
    '%s typechecks against the packages',
    ([, block, file], ctx) => {
      const source = program.getSourceFile(file)!;
      const stubs = stubPackages(program, source);
      if (stubs.length > 0) ctx.skip(`${stubs.join(', ')} exports nothing yet`);
      const diagnostics = [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ];
      const messages = diagnostics.map((d) => {
        const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
        const where = pos ? `${block.doc}:${block.line + pos.line + 1}` : relative(REPO_ROOT, file);
        return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
      expect(messages).toEqual([]);
    },
  );
});

describe('chalice.yaml snippets in docs/', () => {
  it('finds snippets to check', () => {
    expect(yamlBlocks.length).toBeGreaterThan(5);
    for (const block of yamlBlocks) expect(block.lang, `${block.doc}:${block.line}`).toBe('yaml');
  });

  it.each(yamlBlocks.map((block) => [`${block.doc}:${block.line}`, block] as const))(
    '%s is a valid chalice.yaml',
    (_where, block) => {
      const result = parseConfig(block.code, { file: `${block.doc}:${block.line}` });
      expect(result.ok ? [] : result.errors.map(formatConfigIssue)).toEqual([]);
    },
  );
});
