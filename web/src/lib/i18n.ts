import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './locales/en';
import { type Translation, zh } from './locales/zh';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'xjf.lang';

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

export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  setDayjsLocale(lng);
  await i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
}

export function useLanguage(): [Language, (lng: Language) => void] {
  const { i18n: instance } = useTranslation();
  const current: Language = instance.language === 'en' ? 'en' : 'zh-CN';
  const change = (lng: Language) => {
    localStorage.setItem(STORAGE_KEY, lng);
    document.documentElement.lang = lng;
    setDayjsLocale(lng);
    void instance.changeLanguage(lng);
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
