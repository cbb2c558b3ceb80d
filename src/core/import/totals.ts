/**
 * Total rows that exports carry among their data rows, shared by the importer and RACE_SUMMARY so that
 * no total is ever counted twice:
 * - labelled: "Total", "Totals", "Grand total", "Total: Campaigns" or any "Total: …" (and fa/ar words);
 * - unlabelled: a row whose dimensions are all blank while its numbers equal the sum of the other rows
 *   (Meta's account total); just under the header (where GA4 writes its grand total), some numbers may
 *   instead lie between the largest other row and that sum, as long as one equals its sum: GA4 counts a
 *   user once in a total, so a total of users is less than the sum of the rows, while sessions add up.
 */

const TOTAL_WORDS = new Set(['total', 'totals', 'grand total', 'grand totals', 'جمع', 'جمع کل', 'مجموع', 'المجموع', 'الإجمالي', 'الاجمالي', 'المجموع الكلي', 'الإجمالي الكلي', 'إجمالي']);

/** First letters of the words above: a cheap test that rejects almost every cell before any string work. */
function mayStartTotal(code: number): boolean {
  return code === 0x74 || code === 0x54 || code === 0x67 || code === 0x47 || code === 0x62c || code === 0x645 || code === 0x627 || code === 0x625;
}

/** Whether a dimension cell's text marks its row as a total row. */
export function isTotalLabel(text: string): boolean {
  if (text.length === 0 || text.length > 60) return false;
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
  if (start >= text.length || !mayStartTotal(text.charCodeAt(start))) return false;
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (TOTAL_WORDS.has(key)) return true;
  // "Total: Campaigns", "Total - Search", "جمع: ..."
  for (const word of ['total', 'جمع', 'المجموع', 'الإجمالي']) {
    if (key.startsWith(word)) {
      const rest = key.slice(word.length).trimStart();
      if (rest.startsWith(':') || rest.startsWith('-') || rest.startsWith('\u2013') || rest.startsWith('\u2014')) return true;
    }
  }
  return false;
}

/** How far a total may sit from the sum of the rows it totals: exports round each row (cents, whole users). */
function tolerance(sum: number): number {
  return Math.max(0.011, 1e-4 * Math.abs(sum));
}

/**
 * Whether a row with blank dimensions is the total of the other rows.
 * `row` holds the row's number per measure column (NaN for blank), `sums` the sums over all rows
 * including this one, `others` how many other rows there are. `maxOthers`, given for the first row under
 * the header only, holds each column's largest value among the other rows: there a value between that
 * and the sum passes too, provided another column equals its sum.
 */
export function isTotalOfOthers(row: ArrayLike<number>, sums: ArrayLike<number>, others: number, maxOthers?: ArrayLike<number>): boolean {
  if (others < 1) return false;
  let numbers = 0;
  let positive = 0;
  let equal = true;
  let someEqual = false;
  let between = maxOthers !== undefined && others >= 2;
  for (let j = 0; j < row.length; j++) {
    const value = row[j];
    if (Number.isNaN(value)) continue;
    numbers++;
    if (value > 0) positive++;
    const rest = sums[j] - value;
    const tol = tolerance(rest);
    if (Math.abs(value - rest) > tol) equal = false;
    else if (value > 0) someEqual = true;
    if (between && (value > rest + tol || value < maxOthers![j] - tol)) between = false;
  }
  return numbers > 0 && positive > 0 && (equal || (between && someEqual));
}
