// Reading a CSV/TSV file or pasted text into rows of text, and cutting the rows into upload chunks.
// DOM-free (the benchmark runs it in Node): Papa Parse does the parsing, this module only chooses the
// delimiter, decodes the bytes and sizes the chunks.
import Papa from 'papaparse';

/** The delimiters exports use: comma, semicolon (decimal-comma locales), tab (TSV, Excel "Unicode text"). */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Rows of the first lines tried with each delimiter: enough to get past a report's preamble. */
const GUESS_ROWS = 60;

export interface ParsedText {
  /** Every row as text (no number or date typing: the server's cleaning rules read the text). */
  readonly rows: string[][];
  readonly delimiter: Delimiter;
  /** 1-based row of an opening quote that is never closed (the rest of the text would be one cell). */
  readonly unclosedQuoteRow?: number;
}

/**
 * The delimiter under which most of the first rows have the same number of fields (2 or more): a
 * preamble ("Campaign report", "March 1, 2026 - March 31, 2026") has a different count and is outvoted,
 * and "$1,234.56" in a tab-separated file splits unevenly under a comma. Ties go to more fields.
 */
export function guessDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; rows: number; fields: number } = { delimiter: ',', rows: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, { delimiter, preview: GUESS_ROWS, dynamicTyping: false });
    const counts = new Map<number, number>();
    for (const row of data) if (row.length >= 2) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    for (const [fields, rows] of counts) {
      if (rows > best.rows || (rows === best.rows && fields > best.fields)) best = { delimiter, rows, fields };
    }
  }
  return best.delimiter;
}

/** Text of a file's bytes: UTF-16 when it starts with a UTF-16 byte-order mark (Excel's "Unicode text", some Google Ads downloads), else UTF-8. */
export function decodeBytes(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  // TextDecoder drops the byte-order mark itself (ignoreBOM is false by default).
  return new TextDecoder(encoding).decode(bytes);
}

/** Parses delimited text: BOM dropped, delimiter guessed, every value kept as text, trailing blank lines dropped. */
export function parseDelimitedText(input: string): ParsedText {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = guessDelimiter(text);
  const { data, errors } = Papa.parse<string[]>(text, { delimiter, dynamicTyping: false, skipEmptyLines: false });
  let end = data.length;
  while (end > 0 && data[end - 1].every((cell) => cell.trim() === '')) end--;
  if (end < data.length) data.length = end;
  const unclosed = errors.find((error) => error.code === 'MissingQuotes');
  return unclosed?.row !== undefined ? { rows: data, delimiter, unclosedQuoteRow: unclosed.row + 1 } : { rows: data, delimiter };
}

// ---------------------------------------------------------------------------------------------------
// Upload chunks

/**
 * What one stageImportRows call may carry. google.script.run documents no size limit, but a call's
 * arguments travel as one request and the server writes them to a sheet within its execution time, so a
 * chunk is kept small on both counts: 2,000 rows (one setValues of at most ~2,000 x columns cells, a
 * second or two) or 512 KB of JSON, whichever comes first. The preview server accepts 1 MB bodies.
 */
export const CHUNK_LIMITS = { rows: 2000, bytes: 512 * 1024 } as const;
/**
 * Calls in flight at once: one. The server stages chunks under the document lock strictly in index order
 * (their sizes vary, so a chunk's first row is known only after the one before it), and two concurrent
 * google.script.run calls may take the lock in either order: a second call in flight could be refused,
 * and would only wait for the lock anyway. (uploadChunks can keep more in flight, in index order.)
 */
export const MAX_IN_FLIGHT = 1;

/** Bytes of `value` as UTF-8 inside JSON.stringify's output, quotes and escapes included. */
export function jsonStringBytes(value: string): number {
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x22 || code === 0x5c) bytes += 2;
      else if (code >= 0x20) bytes += 1;
      else bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    } else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) bytes += 6; // a lone surrogate is written as \udxxx
    else bytes += 3;
  }
  return bytes;
}

/** Bytes of JSON.stringify(row). */
export function rowJsonBytes(row: readonly string[]): number {
  let bytes = row.length > 0 ? 1 + row.length : 2; // brackets and commas
  for (const cell of row) bytes += jsonStringBytes(cell);
  return bytes;
}

/**
 * Cuts rows into consecutive chunks, in order, each within `limits` as JSON (a row larger than the byte
 * limit travels alone: it cannot be split).
 */
export function chunkRows(rows: readonly string[][], limits: { rows: number; bytes: number } = CHUNK_LIMITS): string[][][] {
  const chunks: string[][][] = [];
  let current: string[][] = [];
  let bytes = 2;
  for (const row of rows) {
    const size = rowJsonBytes(row) + 1;
    if (current.length > 0 && (current.length >= limits.rows || bytes + size > limits.bytes)) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface UploadProgress {
  /** Chunks the server has confirmed. */
  readonly done: number;
  readonly total: number;
}

/**
 * Sends every chunk with `send(index, rows)`, at most `inFlight` at once, in index order; reports each
 * confirmation. The first failure stops further sends and rejects (calls already in flight are awaited,
 * so the caller can discard the staged rows knowing nothing else is on its way). `cancelled()` is
 * checked before each send.
 */
export async function uploadChunks(
  chunks: readonly string[][][],
  send: (index: number, rows: string[][]) => Promise<unknown>,
  onProgress: (progress: UploadProgress) => void = () => undefined,
  cancelled: () => boolean = () => false,
  inFlight: number = MAX_IN_FLIGHT,
): Promise<void> {
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < chunks.length && !failure && !cancelled()) {
      const index = next++;
      try {
        await send(index, chunks[index]);
      } catch (error) {
        failure ??= { error };
        return;
      }
      done++;
      onProgress({ done, total: chunks.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, worker));
  if (failure) throw failure.error;
}
