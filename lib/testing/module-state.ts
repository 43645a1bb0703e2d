/**
 * What the module-state lint check (check-module-state.ts) looks for: mutable state declared at the
 * top level of a module. Pure, so the rule itself is tested.
 */

/** Constructors whose instances are constants once built. */
const CONSTANT_CONSTRUCTORS = /^(TextEncoder|TextDecoder|Intl\.[A-Za-z]+|RegExp|URL)$/;

/** Why a top-level statement holds mutable state, or null when it does not. */
export function mutableModuleState(statement: string): string | null {
  const declaration = /^(?:export\s+)?(let|var|const)\s+([A-Za-z_$][\w$]*)\s*(?::\s*([^=]+?))?\s*=\s*([\s\S]*)$/.exec(
    statement,
  );
  if (!declaration) return /^(?:export\s+)?(let|var)\s/.test(statement) ? 'a module-level let/var' : null;
  const [, kind, , type = '', init = ''] = declaration;
  if (kind !== 'const') return 'a module-level let/var';
  const value = init.trim();
  const readonlyType = /^(readonly\s|Readonly(Array|Set|Map)?<)/.test(type.trim());
  if (/^(\[\s*\]|\{\s*\})(\s+as\s+[^;]+)?;?$/.test(value) && !readonlyType) return 'an empty mutable container';
  const created = /^new\s+([A-Za-z_$][\w$.]*)\s*(?:<[^(]*>)?\s*\(([\s\S]*)$/.exec(value);
  if (!created) return null;
  const [, ctor = '', args = ''] = created;
  if (CONSTANT_CONSTRUCTORS.test(ctor)) return null;
  if (ctor === 'Map' || ctor === 'Set') {
    // A table built from entries is a constant; an empty one only makes sense as a cache.
    return /^\s*\)/.test(args) && !readonlyType ? `an empty ${ctor} (a cache)` : null;
  }
  return `a module-level ${ctor} instance`;
}

/** Top-level statements of a source file, each with the line it starts on and the comment above it. */
export function topLevelStatements(text: string): Array<{ line: number; statement: string; comment: string }> {
  const lines = text.split('\n');
  const out: Array<{ line: number; statement: string; comment: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^(export\s+)?(let|var|const)\s/.test(line)) continue;
    // The statement runs until a line that ends it at the top level (good enough for our style).
    let statement = line;
    for (let j = i + 1; j < lines.length && !/;\s*$/.test(statement) && !/^\S/.test(lines[j]!); j++)
      statement += `\n${lines[j]}`;
    const comment = i > 0 ? lines[i - 1]!.trim() : '';
    out.push({ line: i + 1, statement, comment });
  }
  return out;
}
