// The e2e German walk's check, for unit tests: the English words it looks for are read
// from e2e/german.spec.mjs itself, so both stay one list.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Vitest runs in frontend/ (jsdom's import.meta.url is not a file URL).
const spec = readFileSync(resolve(process.cwd(), 'e2e/german.spec.mjs'), 'utf8');

function listIn(name: string): string[] {
  const literal = spec.match(new RegExp(`const ${name} = \\[([\\s\\S]*?)\\];`))?.[1];
  if (!literal) throw new Error(`${name} not found in e2e/german.spec.mjs`);
  return [...literal.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
}

const ENGLISH_WORDS = listIn('ENGLISH_WORDS');
const PROPER_NAMES = listIn('PROPER_NAMES');
const ENGLISH = new RegExp(
  `(?<![\\p{L}\\d._-])(${ENGLISH_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\d_-])`,
  'iu',
);

/** Whether a browser would show the element (inline styles and `hidden`: what jsdom knows). */
function shown(element: Element | null): boolean {
  for (let el = element; el; el = el.parentElement) {
    if ((el as HTMLElement).hidden || getComputedStyle(el).display === 'none') return false;
  }
  return true;
}

/** Each shown text node of `root` on its own line, like innerText (which jsdom lacks). */
function textLines(root: Node): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const lines: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const parent = node.parentElement;
    // Content marked as another language is declared, not leaked (the page's <html lang> aside).
    const marked = parent?.closest('[lang]');
    const foreign = marked && marked !== document.documentElement && marked.getAttribute('lang') !== 'de';
    if (text && !parent?.closest('script, style') && !foreign && shown(parent)) lines.push(text);
  }
  return lines;
}

/** The lines of the page that hold an English word, after names and email addresses. */
export function englishLines(root: Node, ownWords: readonly string[] = []): string[] {
  return textLines(root)
    .map((line) => {
      let rest = line.replace(/[\w.+-]+@[\w.-]+\.\w+/g, ' ');
      for (const w of [...ownWords, ...PROPER_NAMES]) rest = rest.split(w).join(' ');
      return rest;
    })
    .filter((line) => ENGLISH.test(line));
}
