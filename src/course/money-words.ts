/**
 * Review correction 8: money amounts in the course avoid a currency (“petrol money”, not a sum in
 * pounds or dollars), so the course reads the same wherever it is used. This finds currency symbols
 * and money words in a lesson or role-play file, line by line.
 */

/** One money word or symbol found: where, and what it was. */
export interface MoneyHit {
  line: number;
  found: string;
}

const NUMBER = String.raw`(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)`;

const PATTERNS: RegExp[] = [
  // £ and € always; $ only beside a digit, so a `${…}` in an MDX expression is not a sum of money.
  /[£€¥₹¢]/g,
  /\$\s?\d|\d\s?\$/g,
  // Slang and plural money words, whatever comes before them.
  /\b(?:tenners?|fivers?|quid|bucks|pounds|dollars|euros|pence|cents)\b/gi,
  // A singular unit after an amount: “a pound”, “20 dollar”, “one euro”.
  new RegExp(String.raw`\b${NUMBER}\s+(?:pound|dollar|euro|cent|buck)\b`, 'gi'),
  /\b(?:USD|GBP|EUR)\b/g,
];

/** Every money word or symbol in `text`. Whole-line YAML comments are skipped: learners never see them. */
export function moneyHits(text: string, { yaml = false }: { yaml?: boolean } = {}): MoneyHit[] {
  return text.split(/\r?\n/).flatMap((content, index) => {
    if (yaml && content.trimStart().startsWith('#')) return [];
    return PATTERNS.flatMap((pattern) =>
      [...content.matchAll(pattern)].map((match) => ({ index: match.index, found: match[0] })),
    )
      .sort((a, b) => a.index - b.index)
      .map(({ found }) => ({ line: index + 1, found: found.trim() }));
  });
}

export const MONEY_HINT =
  'Money amounts avoid a currency (review correction 8): rephrase without a symbol or money word, e.g. “petrol money”, “a bit of money”, “the bus fare”, “what she has left this week”.';

/** The problems a build reports for one file: file, line and what was found, with the fix. */
export function moneyProblems(file: string, text: string): { file: string; message: string; hint: string }[] {
  return moneyHits(text, { yaml: file.endsWith('.yaml') }).map(({ line, found }) => ({
    file,
    message: `line ${String(line)}: “${found}” names money in a currency`,
    hint: MONEY_HINT,
  }));
}
