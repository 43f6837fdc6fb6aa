import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of the source, read from the files themselves (no build): every `import … from`
 * and `export … from` at the top of a .ts/.tsx file under packages/*\/src, functions/*\/src and
 * web/src, type-only ones included (a cycle of types is still a cycle a reader has to untangle).
 * Relative paths resolve as the bundler does (`x`, `x.ts`, `x.tsx`, `x/index.ts`); `@xjf/*`
 * names resolve through each workspace package's `exports` (or `main`). Dynamic `import()` and
 * Vite's `import.meta.glob` load lazily, so they are not edges; other bare names are npm packages.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const rel = (file: string) => relative(root, file);

type Workspace = { dir: string; name: string; exports: Record<string, string> };

const workspaceDirs = [
  ...['packages', 'functions'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => join(root, group, name)),
  ),
  join(root, 'web'),
].filter((dir) => existsSync(join(dir, 'package.json')));

const workspaces: Workspace[] = workspaceDirs.map((dir) => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    main?: string;
    exports?: string | Record<string, string>;
  };
  const exports =
    typeof pkg.exports === 'string'
      ? { '.': pkg.exports }
      : (pkg.exports ?? (pkg.main ? { '.': pkg.main } : {}));
  return { dir, name: pkg.name, exports };
});
const byName = new Map(workspaces.map((w) => [w.name, w]));

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The file a specifier names, `'external'` for an npm package or a non-TS asset, or null. */
function resolveImport(from: string, specifier: string): string | 'external' | null {
  const spec = specifier.replace(/\?.*$/, '');
  let base: string;
  if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else {
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    const workspace = name ? byName.get(name) : undefined;
    if (!workspace) return 'external';
    const target = workspace.exports[`.${spec.slice(name?.length ?? 0)}`];
    if (!target) return null;
    base = resolve(workspace.dir, target);
  }
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (isFile(candidate)) return /\.tsx?$/.test(candidate) ? candidate : 'external';
  return null;
}

/**
 * The module specifiers of a file's top-level `import … from`, `import '…'` and `export … from`.
 * A regex over the clause grammar (default, `* as x`, `{ … }`, `type`), anchored at the start of
 * a line as the formatter writes them: parsing every file with TypeScript instead costs seconds.
 */
const IMPORT =
  /^(?:import|export)\s+(?:type\s+)?(?:(?:[\w$]+\s*,\s*)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})|[\w$]+)\s+from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm;
const importsOf = (text: string) => [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');

const files = workspaces.flatMap((w) => sourceFiles(join(w.dir, 'src')));
const graph = new Map<string, string[]>();
const unresolved: string[] = [];
for (const file of files) {
  const targets = new Set<string>();
  for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
    const target = resolveImport(file, specifier);
    if (target === null) unresolved.push(`${rel(file)} → ${specifier}`);
    else if (target !== 'external') targets.add(target);
  }
  graph.set(file, [...targets]);
}

/** Strongly connected components (Tarjan); each one of more than one file is a knot of cycles. */
function knots(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** One shortest cycle through a knot's first file, as `a → b → … → a`. */
function cyclePath(knot: string[]): string {
  const inKnot = new Set(knot);
  const start = [...knot].sort()[0] ?? '';
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() ?? '';
    for (const w of graph.get(v) ?? []) {
      if (!inKnot.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let u = v; u !== start; ) {
          u = cameFrom.get(u) ?? start;
          path.unshift(u);
        }
        return [...path, start].map(rel).join(' → ');
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return knot.map(rel).join(', ');
}

/**
 * What no library may import: the deployables. The functions are, and so is the admin (web), and
 * so is packages/local: issue 16 calls it an application (the local runtime, which serves
 * `@xjf/api`: its server.ts, dev-sign-in.ts and openapi-document.ts import functions/api/src/app.ts)
 * to become functions/local or apps/local. Until it moves, it is named here rather than by its folder.
 */
const deployables = workspaces.filter(
  (w) => rel(w.dir).startsWith('functions/') || w.name === '@xjf/local' || w.name === '@xjf/web',
);
const libraries = workspaces.filter((w) => !deployables.includes(w));
const workspaceOf = (file: string) => workspaces.find((w) => file.startsWith(`${w.dir}/`));

describe('the import graph', () => {
  it('reads every source file and resolves every workspace and relative import', () => {
    expect(files.length).toBeGreaterThan(300);
    expect([...graph.values()].flat().length).toBeGreaterThan(1000);
    expect(deployables.map((w) => w.name).sort()).toEqual([
      '@xjf/api',
      '@xjf/jobs',
      '@xjf/local',
      '@xjf/web',
    ]);
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(knots().map(cyclePath)).toEqual([]);
  });

  it('has no library package importing a deployable (functions/*, packages/local, web)', () => {
    const upwards = libraries.flatMap((library) =>
      files
        .filter((file) => workspaceOf(file) === library)
        .flatMap((file) =>
          (graph.get(file) ?? [])
            .filter((target) => deployables.includes(workspaceOf(target) as Workspace))
            .map((target) => `${rel(file)} → ${rel(target)}`),
        ),
    );
    expect(upwards).toEqual([]);
  });
});
