import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Translation } from './locales/zh';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'xjf.lang';

/**
 * What a reader downloads of the words (issue 15, a rural connection): only the active language,
 * and of it only the core (zh.ts / en.ts without their feature sections, see `coreWords` in
 * web/vite.config.ts) and the sections of the pages opened (zh-store.ts, zh-rules.ts, …). Each
 * section is merged into the `translation` namespace as it arrives, so `t('store.x')` reads as
 * if the whole zh.ts had been loaded.
 */
type Part = { file: string; name: string };
type Core = { zh?: Translation; en?: Translation; parts: Record<string, Part> };
const cores = import.meta.glob<Core>('./locales/{zh,en}.ts', { query: '?core' });
const sectionModules = import.meta.glob<Record<string, object>>('./locales/{zh,en}-*.ts');
const prefix = (lng: Language) => (lng === 'en' ? 'en' : 'zh');

/** Which section comes from which module: the same in both languages. */
let parts: Record<string, Part> = {};
/** The sections the pages opened so far asked for: a language switch loads them in the new one. */
const wanted = new Set<string>();
const loading = new Map<string, Promise<void>>();
/**
 * The router starts loading the first page (and so its words) as soon as routes.tsx is evaluated,
 * before `initI18n` has the language and the core: sections wait for both.
 */
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

async function loadCore(lng: Language): Promise<Translation> {
  const load = cores[`./locales/${prefix(lng)}.ts`];
  if (!load) throw new Error(`no words for ${lng}`);
  const core = await load();
  parts = core.parts;
  const words = core.zh ?? core.en;
  if (!words) throw new Error(`no words for ${lng}`);
  return words;
}

function loadSection(lng: Language, section: string): Promise<void> {
  const key = `${lng}:${section}`;
  let done = loading.get(key);
  if (!done) {
    const part = parts[section];
    const load = part && sectionModules[`./locales/${prefix(lng)}-${part.file}.ts`];
    if (!load) return Promise.resolve();
    done = load().then((module) => {
      i18n.addResourceBundle(lng, 'translation', { [section]: module[part.name] }, true, true);
    });
    loading.set(key, done);
  }
  return done;
}

const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');

/**
 * Loads a page's sections of words in the current language (routes.tsx calls it beside the page's
 * own chunk). A section a page forgot to ask for is still fetched when its first key is missed.
 */
export async function loadWords(...sections: string[]): Promise<void> {
  for (const section of sections) wanted.add(section);
  await ready;
  const lng = currentLanguage();
  await Promise.all(sections.map((section) => loadSection(lng, section)));
}

/** Chinese unless this browser chose English before: county offices work in Chinese. */
function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/**
 * Ant Design's pickers take month and weekday names from dayjs's global locale, not from
 * ConfigProvider: without zh-cn loaded and chosen they read Jan/Dec and Su–Sa in Chinese.
 */
function setDayjsLocale(lng: Language) {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
}

/** A language's core words and every section already loaded in the other one. */
async function loadLanguage(lng: Language): Promise<void> {
  if (!i18n.hasResourceBundle(lng, 'translation'))
    i18n.addResourceBundle(lng, 'translation', await loadCore(lng), true, true);
  await Promise.all([...wanted].map((section) => loadSection(lng, section)));
}

export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  setDayjsLocale(lng);
  const words = await loadCore(lng);
  await i18n.use(initReactI18next).init({
    lng,
    // Both languages have every key (en.ts is typed by zh.ts): nothing falls back to the other.
    fallbackLng: false,
    resources: { [lng]: { translation: words } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    // A missed key whose section is not loaded yet fetches that section, and the page redraws.
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => {
      const section = key.split('.')[0];
      if (section && parts[section]) void loadWords(section);
    },
    react: { bindI18nStore: 'added' },
  });
  markReady();
}

export function useLanguage(): [Language, (lng: Language) => void] {
  const { i18n: instance } = useTranslation();
  const current: Language = instance.language === 'en' ? 'en' : 'zh-CN';
  const change = (lng: Language) => {
    localStorage.setItem(STORAGE_KEY, lng);
    void loadLanguage(lng).then(() => {
      document.documentElement.lang = lng;
      setDayjsLocale(lng);
      return instance.changeLanguage(lng);
    });
  };
  return [current, change];
}

/**
 * API messages are written "中文 (English)"; show the half that matches the language.
 * Anything else is shown as it came.
 */
export function localizeMessage(message: string, lng: string): string {
  const match = /^(.+?)\s*\(([^()]+)\)$/.exec(message);
  if (!match?.[1] || !match[2]) return message;
  return lng === 'en' ? match[2] : match[1];
}
