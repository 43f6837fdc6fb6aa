import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// `npm run dev` proxies the API and runtime config to the local runtime (`npm start`, port 3000).
const local = process.env.XJF_API ?? 'http://localhost:3000';

/** Feature word modules every page needs: sign-in and session texts, and the API's error codes. */
const CORE_PARTS = new Set(['auth', 'errors']);

/**
 * A language's core words without its feature sections: `locales/zh.ts?core` is zh.ts with each
 * top-level section it imports from a feature module (zh-store.ts, zh-rules.ts, …) left as an
 * empty object, plus `parts`, which section comes from which module under which name. The admin
 * (web/src/lib/i18n.ts) loads a page's sections with the page and deep-merges them into the
 * `translation` namespace, so `t('store.x')` reads as before and zh.ts stays the one source (and
 * type) of every key.
 */
function coreWords(): Plugin {
  return {
    name: 'xjf-core-words',
    enforce: 'pre',
    transform(code, id) {
      const match = /\/locales\/(zh|en)\.ts\?core$/.exec(id);
      if (!match) return;
      // Top-level sections: `store,` or `store: storeWords,`, by the local name they are given.
      const topLevel = new Map<string, string>();
      for (const [, section = '', local = section] of code.matchAll(/^ {2}(\w+)(?:: (\w+))?,$/gm))
        topLevel.set(local, section);
      const parts: Record<string, { file: string; name: string }> = {};
      const importRe = new RegExp(`^import \\{([^}]*)\\} from '\\./${match[1]}-([\\w-]+)';$`, 'gm');
      const out = code.replace(importRe, (line, names: string, file: string) => {
        if (CORE_PARTS.has(file)) return line;
        const specs = names
          .split(',')
          .map((spec) => spec.split(' as ').map((s) => s.trim()))
          .filter(([name]) => name)
          .map(([name = '', local = name]) => ({ name, local }));
        // A name used anywhere but as one top-level section keeps its module in the core.
        const splittable = specs.every(
          ({ local }) =>
            topLevel.has(local) &&
            (code.match(new RegExp(`(?<![\\w'"\`.])${local}(?![\\w'"\`]|\\s*:)`, 'g')) ?? []).length === 2,
        );
        if (!splittable) return line;
        for (const { name, local } of specs) parts[topLevel.get(local) ?? local] = { file, name };
        return `const ${specs.map(({ local }) => `${local} = {}`).join(', ')};`;
      });
      return { code: `${out}\nexport const parts = ${JSON.stringify(parts)};\n`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [coreWords(), react()],
  server: { proxy: { '/api': local, '/config.json': local } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
