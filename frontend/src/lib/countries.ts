// ISO 3166-1 alpha-2 country codes (the 249 officially assigned, as the API accepts them),
// with names in the user's language from Intl.DisplayNames.

export const COUNTRY_CODES: readonly string[] = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
];

export interface CountryOption {
  value: string;
  label: string;
}

const cache = new Map<string, CountryOption[]>();

/** The name of a country in `locale`, falling back to its code. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country as a select option, sorted by its name in `locale`. */
export function countryOptions(locale: string): CountryOption[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  } catch {
    names = null;
  }
  const collator = new Intl.Collator(locale);
  const options = COUNTRY_CODES.map((code) => ({ value: code, label: names?.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  cache.set(locale, options);
  return options;
}

// Names people type that are neither the official name in English or German nor the
// ISO code: abbreviations and everyday names, in both languages.
const ALIASES: Record<string, readonly string[]> = {
  US: ['USA', 'U.S.', 'U.S.A.', 'United States of America', 'America', 'Amerika', 'Vereinigte Staaten von Amerika'],
  GB: ['UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Großbritannien', 'Grossbritannien', 'Schottland'],
  AE: ['UAE', 'VAE', 'Emirates', 'Emirate'],
  NL: ['Holland'],
  CZ: ['Czech Republic', 'Tschechische Republik'],
  KR: ['South Korea', 'Südkorea'],
  CH: ['Schweiz', 'Switzerland'],
};

/** Lower case without accents, so "Österreich" is found by "osterreich" too. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

const SEARCH_LOCALES = ['en', 'de'] as const;
const searchTerms = new Map<string, string[]>();

/** Everything a country can be found by: its code, its names in English and German, aliases. */
function termsOf(code: string): string[] {
  let terms = searchTerms.get(code);
  if (!terms) {
    terms = [code, ...SEARCH_LOCALES.map((l) => countryName(code, l)), ...(ALIASES[code] ?? [])].map(fold);
    searchTerms.set(code, terms);
  }
  return terms;
}

/**
 * How well `query` finds the country `code` (lower is better; null: not at all). An exact
 * code, name or alias comes first, then names that start with the query, then names that
 * contain it — so "US" lists the United States before Australia and Russia.
 */
export function countryMatch(code: string, query: string): number | null {
  const q = fold(query);
  if (!q) return 2;
  const terms = termsOf(code);
  if (terms.some((term) => term === q)) return 0;
  if (terms.some((term) => term.startsWith(q))) return 1;
  if (q.length > 1 && terms.some((term) => term.includes(q))) return 2;
  return null;
}

/** The options that match `query`, best first (ties keep the given order). */
export function searchCountries<T extends { value: string }>(options: readonly T[], query: string): T[] {
  return options
    .map((option, index) => ({ option, index, rank: countryMatch(option.value, query) }))
    .filter((x): x is { option: T; index: number; rank: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.option);
}
