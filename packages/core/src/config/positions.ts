import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { ConfigPath } from './issues.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where a key path sits in the source: `'key'` asks for the mapping key, `'value'` for
 * its value. A path that does not exist (a missing key) resolves to the deepest key that does.
 */
export type Locate = (path: ConfigPath, at: 'key' | 'value') => Position;

/** The source a validated config came from: lets later checks point back into the file. */
export interface ConfigSource {
  file: string;
  locate: Locate;
}

export const NO_POSITION: Position = { line: 0, column: 0 };

export const unlocated: Locate = () => NO_POSITION;

/** A locator over a parsed YAML document, using the LineCounter the parser filled. */
export function yamlLocator(doc: Document, lineCounter: LineCounter): Locate {
  const at = (node: Node | null | undefined): Position | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const top: Position = at(doc.contents as Node | null) ?? { line: 1, column: 1 };

  return (path, want) => {
    let node: unknown = doc.contents;
    let keyPos: Position | undefined;
    let found = true;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) {
          found = false;
          break;
        }
        keyPos = at(pair.key as Node) ?? keyPos;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment];
        keyPos = at(node as Node) ?? keyPos;
      } else {
        found = false;
        break;
      }
    }
    if (!found || want === 'key') return keyPos ?? top;
    return at(node as Node) ?? keyPos ?? top;
  };
}

const sources = new WeakMap<object, ConfigSource>();

/** Records where a validated config came from, without adding keys to it. */
export function rememberSource(config: object, source: ConfigSource): void {
  sources.set(config, source);
}

/** Where a config came from; configs built in code have no positions. */
export function sourceOf(config: object): ConfigSource {
  return sources.get(config) ?? { file: '<config>', locate: unlocated };
}
