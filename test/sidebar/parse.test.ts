// The sidebar's parse path (Papa Parse with a guessed delimiter) and the upload chunking: sizes within
// the limits, every row once, in order, at most MAX_IN_FLIGHT calls at once.
import fc from 'fast-check';
import { CHUNK_LIMITS, MAX_IN_FLIGHT, chunkRows, decodeBytes, guessDelimiter, jsonStringBytes, parseDelimitedText, rowJsonBytes, uploadChunks } from '../../sidebar/parse';

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('parseDelimitedText', () => {
  test('a Google Ads export: title and date-range preamble, quoted "$1,234.56", "--", a Total row; all values stay text', () => {
    const text = [
      '\ufeffCampaign report',
      'March 1, 2026 - March 31, 2026',
      'Campaign,Day,Impr.,Clicks,Cost,Conversions',
      'Spring sale,2026-03-01,"12,400",310,"$1,234.56",12',
      'Brand,2026-03-01,900,--,$45.00,0.5',
      'Total: Campaigns,,"13,300",310,"$1,279.56",12.5',
      '',
      '',
    ].join('\r\n');
    const parsed = parseDelimitedText(text);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows[0]).toEqual(['Campaign report']); // BOM gone
    expect(parsed.rows[2]).toEqual(['Campaign', 'Day', 'Impr.', 'Clicks', 'Cost', 'Conversions']);
    expect(parsed.rows[3]).toEqual(['Spring sale', '2026-03-01', '12,400', '310', '$1,234.56', '12']);
    expect(parsed.rows[4][3]).toBe('--');
    expect(parsed.rows[4][5]).toBe('0.5'); // not the number 0.5
    expect(parsed.rows).toHaveLength(6); // trailing blank lines dropped
    expect(parsed.unclosedQuoteRow).toBeUndefined();
  });

  test('a TSV whose values hold commas is read by tab, not split at "$1,234.56"', () => {
    const text = 'Campaign\tCost\tClicks\nA\t$1,234.56\t1,000\nB\t$2,000.10\t12\nC\t$3\t4\n';
    expect(guessDelimiter(text)).toBe('\t');
    expect(parseDelimitedText(text).rows[1]).toEqual(['A', '$1,234.56', '1,000']);
  });

  test('a semicolon export with decimal commas (European locale)', () => {
    const text = 'Datum;Klicks;Kosten\n01.03.2026;12;1.234,56\n02.03.2026;7;12,50\n';
    const parsed = parseDelimitedText(text);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows[1]).toEqual(['01.03.2026', '12', '1.234,56']);
  });

  test('GA4: "#" comment preamble lines stay as rows (the server finds the header below them)', () => {
    const text = '# ----\n# Traffic acquisition\n# Start date: 20260301\n# End date: 20260331\nDate,Sessions,Key events\n20260301,120,4\n20260302,98,3\n';
    const parsed = parseDelimitedText(text);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows[4]).toEqual(['Date', 'Sessions', 'Key events']);
    expect(parsed.rows).toHaveLength(7);
  });

  test('Persian pasted rows (tab-separated, as copied from a sheet) keep their digits and separators as text', () => {
    const parsed = parseDelimitedText('تاریخ\tکانال\tبازدیدها\tدرآمد\n۱۴۰۵/۰۱/۰۱\tایمیل\t۱٬۲۳۴\t۱۲٬۵۰۰٫۵ ریال\n');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows[1]).toEqual(['۱۴۰۵/۰۱/۰۱', 'ایمیل', '۱٬۲۳۴', '۱۲٬۵۰۰٫۵ ریال']);
  });

  test('an unclosed quote is reported with its 1-based row', () => {
    expect(parseDelimitedText('a,b\n1,2\n3,"4\n5,6\n').unclosedQuoteRow).toBe(3);
  });

  test('a quoted field may hold the delimiter, quotes and a line break', () => {
    expect(parseDelimitedText('name,note\n"Sale, spring","He said ""hi""\nthen left"\n').rows[1]).toEqual(['Sale, spring', 'He said "hi"\nthen left']);
  });
});

describe('decodeBytes', () => {
  test('UTF-8 with and without BOM, UTF-16LE and UTF-16BE with BOM', () => {
    const text = 'Date,درآمد\n2026-03-01,€1.234,56\n';
    expect(decodeBytes(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(text);
    expect(decodeBytes(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])))).toBe(text);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBytes(new Uint8Array(le))).toBe(text);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeBytes(new Uint8Array(be))).toBe(text);
  });
});

describe('JSON byte counting', () => {
  test.each(['', 'plain', 'quote " and \\ backslash', 'tab\tnew\nline\r', '\u0001\u001f', 'درآمد ۱٬۲۳۴', '€ ₽ ریال', 'emoji 📈', 'lone \ud800 surrogate', 'lone \udc00 low'])('%j', (text) => {
    expect(jsonStringBytes(text)).toBe(jsonBytes(text));
  });

  test('any row of any strings counts as JSON.stringify writes it', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (row) => rowJsonBytes(row) === jsonBytes(row)));
  });
});

describe('chunkRows', () => {
  test('the default limits are 2,000 rows and 512 KB of JSON, under the preview server\'s 1 MB body', () => {
    expect(CHUNK_LIMITS).toEqual({ rows: 2000, bytes: 512 * 1024 });
    expect(MAX_IN_FLIGHT).toBe(1); // the server stages chunks strictly in order
  });

  test('small rows are cut by count: 4,500 rows give 2,000 + 2,000 + 500, in order', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [String(i), 'x']);
    const chunks = chunkRows(rows);
    expect(chunks.map((chunk) => chunk.length)).toEqual([2000, 2000, 500]);
    expect(chunks.flat()).toEqual(rows);
  });

  test('wide Persian rows are cut by bytes: every chunk is at most 512 KB of JSON', () => {
    const cell = 'کمپین فروش بهاره ۱۴۰۵ '.repeat(5);
    const rows = Array.from({ length: 3000 }, (_, i) => [String(i), cell, cell]);
    const chunks = chunkRows(rows);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks[0].length).toBeLessThan(CHUNK_LIMITS.rows); // the byte limit cut it
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(CHUNK_LIMITS.rows);
      expect(jsonBytes(chunk)).toBeLessThanOrEqual(CHUNK_LIMITS.bytes);
    }
    // Full: adding the next row would have gone over the limit.
    for (let i = 0; i < chunks.length - 1; i++) expect(jsonBytes([...chunks[i], chunks[i + 1][0]])).toBeGreaterThan(CHUNK_LIMITS.bytes);
    expect(chunks.flat()).toEqual(rows);
  });

  test('property: chunks keep every row once, in order, within both limits (a single oversized row travels alone)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 10, max: 400 }),
        (rows, maxRows, maxBytes) => {
          const chunks = chunkRows(rows, { rows: maxRows, bytes: maxBytes });
          expect(chunks.flat()).toEqual(rows);
          for (const chunk of chunks) {
            expect(chunk.length).toBeGreaterThan(0);
            expect(chunk.length).toBeLessThanOrEqual(maxRows);
            if (chunk.length > 1) expect(jsonBytes(chunk)).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
    );
  });

  test('no rows, no chunks', () => {
    expect(chunkRows([])).toEqual([]);
  });
});

describe('uploadChunks', () => {
  const chunks = Array.from({ length: 7 }, (_, i) => [[`row ${i}`]]);

  test('one in flight (the default): each chunk is sent only after the one before it was confirmed', async () => {
    const events: string[] = [];
    await uploadChunks(chunks.slice(0, 3), async (index) => {
      events.push(`send ${index}`);
      await new Promise((resolve) => setTimeout(resolve, 3 - index));
      events.push(`done ${index}`);
    });
    expect(events).toEqual(['send 0', 'done 0', 'send 1', 'done 1', 'send 2', 'done 2']);
  });

  test('with 2 in flight: every chunk once, in index order, never more than 2 at a time, each confirmation reported', async () => {
    let inFlight = 0;
    let most = 0;
    const sent: number[] = [];
    const progress: string[] = [];
    await uploadChunks(
      chunks,
      async (index, rows) => {
        expect(rows).toBe(chunks[index]);
        sent.push(index);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, index % 2 === 0 ? 5 : 1));
        inFlight--;
      },
      ({ done, total }) => progress.push(`${done}/${total}`),
      () => false,
      2,
    );
    expect(sent).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
    expect(progress).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
  });

  test('a failure stops further sends, waits for the call in flight, and rejects with the server error', async () => {
    const sent: number[] = [];
    const finished: number[] = [];
    const upload = uploadChunks(
      chunks,
      async (index) => {
        sent.push(index);
        await new Promise((resolve) => setTimeout(resolve, index === 3 ? 20 : 2));
        if (index === 2) throw new Error('stageImportRows: the staging sheet is full');
        finished.push(index);
      },
      undefined,
      undefined,
      2,
    );
    await expect(upload).rejects.toThrow('the staging sheet is full');
    expect(sent).toEqual([0, 1, 2, 3]);
    expect(finished).toEqual([0, 1, 3]); // chunk 3 was in flight and finished before the rejection
  });

  test('cancelling stops before the next send', async () => {
    const sent: number[] = [];
    await uploadChunks(
      chunks,
      async (index) => {
        sent.push(index);
      },
      () => undefined,
      () => sent.length >= 3,
    );
    expect(sent).toEqual([0, 1, 2]);
  });
});
