// Message catalogues and the i18next instance. English is the reference catalogue;
// every other catalogue must carry exactly the same keys (a unit test checks this).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';
import { diagnosticsEnabled, recordMiss } from './misses';

export const SUPPORTED_LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const;

const STORAGE_KEY = 'partner_hub.language';

function isLanguage(value: string | null | undefined): value is Language {
  return SUPPORTED_LANGUAGES.includes(value as Language);
}

/** The stored choice wins; otherwise the browser's preferred language, else English. */
export function detectLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (privacy mode); fall through to the browser setting.
  }
  const preferred = globalThis.navigator?.languages ?? [globalThis.navigator?.language];
  for (const tag of preferred) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The language the UI shows now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

export function changeLanguage(language: Language): Promise<unknown> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisting the choice is acceptable.
  }
  return i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: SUPPORTED_LANGUAGES,
  interpolation: { escapeValue: false },
  // With diagnostics on, every key missing from the catalogues is recorded (see misses.ts).
  saveMissing: diagnosticsEnabled(),
  missingKeyHandler: (languages, _namespace, key) => {
    for (const language of languages) recordMiss(language, key);
  },
});

export default i18n;
