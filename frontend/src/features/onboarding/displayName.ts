// A display name suggested from the account's full name, so onboarding does not ask for
// a name from scratch. It follows the API's rule: 3 to 40 of A–Z, a–z, 0–9, space, dot,
// dash and underscore, no space at either end (German letters are spelled out: ü → ue).
const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

export function suggestDisplayName(fullName: string): string {
  const ascii = fullName
    .replace(/[äöüÄÖÜß]/g, (c) => SPELLED_OUT[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 _.-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 40)
    .trim();
  return ascii.length >= 3 ? ascii : '';
}
