import * as z from 'zod';
// One file per locale: the `zod/locales` index drags all of zod's languages (260 kB) into each Lambda.
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';

const zh = zhCN().localeError;
const english = en().localeError;
const text = (m: ReturnType<z.core.$ZodErrorMap>) => (typeof m === 'string' ? m : m?.message);

/**
 * Zod's own messages (a number too big, a wrong type) read "中文 (English)" like the product's:
 * a county office reads the Chinese, developers and logs the English. Messages a schema spells
 * out itself are kept as written.
 */
z.config({
  localeError: (issue) => {
    const chinese = text(zh(issue));
    const englishText = text(english(issue));
    return chinese && englishText ? `${chinese} (${englishText})` : (chinese ?? englishText);
  },
});
