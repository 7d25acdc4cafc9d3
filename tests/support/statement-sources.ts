import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The rules a statement must follow to run on Citus as it runs on PostgreSQL, checked on the
// source of every statement the product can send rather than on the statements a test run happens
// to send: a statement no test reaches is checked too, and the check needs no database (it runs
// the same on PGlite, PostgreSQL and Citus). The SQL is read from the template literals (sql`...`,
// query strings) of the TypeScript, and the drizzle query-builder chains from the code around them.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One source file as the rules read it. */
export interface SourceFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
}

/** The TypeScript of everything that talks to the database: packages' sources and benchmarks, and the seeds. */
export function productSources(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
        files.push({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') });
      }
    }
  };
  for (const pkg of readdirSync(join(ROOT, 'packages'))) {
    for (const folder of ['src', 'bench']) {
      try {
        walk(join(ROOT, 'packages', pkg, folder));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
    }
  }
  walk(join(ROOT, 'seeds', 'src'));
  return files;
}

/** A template literal's text (each `${...}` written `$?`) and where it starts. */
interface Literal {
  text: string;
  offset: number;
}

/** The template literals of a file, nested ones (inside `${...}`) as literals of their own. */
function templateLiterals(source: string): Literal[] {
  const literals: Literal[] = [];
  const readLiteral = (start: number): number => {
    // `start` is just past the opening backtick.
    let text = '';
    let i = start;
    while (i < source.length) {
      const char = source[i];
      if (char === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (char === '`') {
        literals.push({ text, offset: start });
        return i + 1;
      } else if (char === '$' && source[i + 1] === '{') {
        text += '$?';
        i = readExpression(i + 2);
      } else {
        text += char;
        i += 1;
      }
    }
    return i;
  };
  const readExpression = (start: number): number => {
    let depth = 1;
    let i = start;
    while (i < source.length && depth > 0) {
      const char = source[i];
      if (char === '`') i = readLiteral(i + 1);
      else if (char === "'" || char === '"') i = skipQuoted(i);
      else {
        if (char === '{') depth += 1;
        if (char === '}') depth -= 1;
        i += 1;
      }
    }
    return i;
  };
  const skipQuoted = (start: number): number => {
    const quote = source[start];
    let i = start + 1;
    while (i < source.length && source[i] !== quote) i += source[i] === '\\' ? 2 : 1;
    return i + 1;
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '/' && source[i + 1] === '/')
      i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (char === '/' && source[i + 1] === '*') i = source.indexOf('*/', i) + 2;
    else if (char === "'" || char === '"') i = skipQuoted(i);
    else if (char === '`') i = readLiteral(i + 1);
    else i += 1;
  }
  return literals;
}

/** The line of `offset` in `text`, for messages. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The code without its comments, so a comment that quotes a rule is not read as a statement. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '');
}

/**
 * `INSERT ... SELECT` (or `.insert(...).select(...)`): Citus runs one whose rows it cannot route
 * by the statement alone as a COPY into the shards, and PostgreSQL refuses COPY into a table under
 * row-level security, which is every table here. Rows are computed and written as VALUES instead.
 */
export function insertSelects(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  const sqlForm = /\binsert\s+into\s+[^\s(]+\s*(\([^()]*\))?\s*(select|with)\b/gi;
  const builderForm = /\.insert\([^()]*\)\s*\.select\(/g;
  for (const file of files) {
    for (const literal of templateLiterals(file.text)) {
      for (const match of literal.text.matchAll(sqlForm)) {
        found.push(`${file.path}:${lineOf(file.text, literal.offset)}: ${match[0].replace(/\s+/g, ' ')}`);
      }
    }
    const code = withoutComments(file.text);
    for (const match of code.matchAll(builderForm)) {
      found.push(`${file.path}:${lineOf(code, match.index)}: ${match[0]}`);
    }
  }
  return found;
}

/**
 * A row lock (`FOR UPDATE`, `FOR SHARE`, `.for('update')`) in a statement that does not name
 * `tenant_id`, or that reads more than one table (a join or a subquery): on Citus a locking read
 * must go to one shard, only `tenant_id` says which, and Citus refuses one with a subquery even
 * when every table in it names the same tenant.
 */
export function locksWithoutTenant(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  const sqlLock = /\bfor\s+(no\s+key\s+update|update|key\s+share|share)\b/gi;
  const builderLock = /\.for\(\s*'(update|no key update|share|key share)'/g;
  for (const file of files) {
    for (const literal of templateLiterals(file.text)) {
      for (const match of literal.text.matchAll(sqlLock)) {
        const statement = literal.text.slice(0, match.index);
        // `create policy ... for update` is DDL, not a locking read.
        if (/\bcreate\s+policy\b/i.test(statement)) continue;
        if (!/\btenant_id\b/.test(statement)) {
          found.push(`${file.path}:${lineOf(file.text, literal.offset)}: ${match[0]} without tenant_id`);
        } else if ((statement.match(/\b(from|join)\b/gi) ?? []).length > 1) {
          found.push(`${file.path}:${lineOf(file.text, literal.offset)}: ${match[0]} reading more than one table`);
        }
      }
    }
    const code = withoutComments(file.text);
    for (const match of code.matchAll(builderLock)) {
      const before = code.slice(0, match.index);
      const statement = before.slice(before.lastIndexOf('.select('));
      if (!/\.tenantId\b/.test(statement)) {
        found.push(`${file.path}:${lineOf(code, match.index)}: .for('${match[1]}') without tenantId`);
      } else if (/Join\(/.test(statement)) {
        found.push(`${file.path}:${lineOf(code, match.index)}: .for('${match[1]}') reading more than one table`);
      }
    }
  }
  return found;
}

/**
 * A cast in a `RETURNING` clause: Citus allows only immutable functions there, and a cast from
 * an enum (or enum array) to text runs the enum's output function, which is stable. drizzle adds
 * one itself (`"roles"::text[]`) to a bare `.returning()` on a table with an enum array, so those
 * tables (`enumArrayTables`) return through `returningAsStored` instead.
 */
export function castsInReturning(files: readonly SourceFile[], enumArrayTables: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const literal of templateLiterals(file.text)) {
      const returning = /\breturning\b([\s\S]*)$/i.exec(literal.text);
      if (returning?.[1]?.includes('::')) {
        found.push(`${file.path}:${lineOf(file.text, literal.offset)}: a cast in RETURNING ${returning[1].trim()}`);
      }
    }
    const code = withoutComments(file.text);
    for (const match of code.matchAll(/\.returning\(\s*\)/g)) {
      const before = code.slice(0, match.index);
      const start = Math.max(
        before.lastIndexOf('.insert('),
        before.lastIndexOf('.update('),
        before.lastIndexOf('.delete('),
      );
      const table = /^\.(?:insert|update|delete)\(\s*tables\.(\w+)/.exec(before.slice(start))?.[1];
      if (table && enumArrayTables.includes(table)) {
        found.push(
          `${file.path}:${lineOf(code, match.index)}: .returning() on ${table}, whose enum array drizzle returns through a cast`,
        );
      }
    }
  }
  return found;
}
