import { CATALOGUES, LANGUAGES, translate } from '../../src/core/i18n';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { KPIS_BY_ID } from '../../src/core/model/kpis';
import { measureName } from '../../src/core/model/business-models';
import { MEASURE_HEADERS, MEASURES } from '../../src/core/model/measures';
import { dataMeasures, periodStarts, SPARE_DATA_ROWS } from '../../src/core/workbook/data-sheet';
import { freeSheetName, generateWorkbookSpec } from '../../src/core/workbook/generate';
import { BUSINESS_MODEL_IDS, DEFAULT_GROSS_MARGIN, KPI_STAGES, validateWorkbookOptions, type WorkbookOptions } from '../../src/core/workbook/options';
import { KPI_COLUMNS, stageVolumeKpi } from '../../src/core/workbook/kpi-sheet';
import type { SheetSpec, WorkbookSpec } from '../../src/core/workbook/spec';
import { INPUT_BACKGROUND } from '../../src/core/workbook/grid';
import { textCell } from '../../src/core/workbook/text';
import { acquisitionKpis, CHART_ROWS } from '../../src/core/workbook/dashboard-bottom';
import { DASHBOARD_TABLE_COLUMNS } from '../../src/core/workbook/dashboard-sheet';
import { SUMMARY_RATES } from '../../src/core/summary/rates';

const START = new Date(Date.UTC(2025, 0, 15)); // a Wednesday
const SERIAL_2025_01_13 = 45670; // Monday 2025-01-13 as a spreadsheet date: (Date.UTC(2025,0,13) - Date.UTC(1899,11,30)) / 864e5

function options(overrides: Partial<WorkbookOptions> = {}): WorkbookOptions {
  return {
    businessName: 'Acme',
    model: 'ecommerce',
    language: 'en',
    currency: 'USD',
    horizon: '90d',
    granularity: 'week',
    channels: ['Email', 'Paid search'],
    segments: [],
    targets: {},
    ...overrides,
  };
}

function sheet(spec: WorkbookSpec, role: SheetSpec['role']): SheetSpec {
  const found = spec.sheets.find((s) => s.role === role);
  if (!found) throw new Error(`no ${role} sheet`);
  return found;
}

function formulasOf(spec: WorkbookSpec): string[] {
  return spec.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string' && v.startsWith('='));
}

/** Texts with nothing visible: zero-width and bidi controls, alone or with spaces. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200f', '\u2066', '\u200e\u2069', ' \ufeff\u2060 ', '\u202e\u202c', '\u061c\u00ad'];
const escaped = (text: string) => [...text].map((ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

describe('validateWorkbookOptions', () => {
  it('accepts what the sidebar sends and trims names', () => {
    const valid = validateWorkbookOptions({ ...options(), businessName: '  Acme  ', targets: { reach: 1000, act: null } });
    expect(valid.businessName).toBe('Acme');
    expect(valid.targets).toEqual({ reach: 1000 });
  });

  it.each([
    ['a non-object', 'x', 'must be an object'],
    ['an unknown option', { ...options(), extra: 1 }, 'unknown option "extra"'],
    ['an empty business name', { ...options(), businessName: ' ' }, 'businessName'],
    ['a business name over 100 characters', { ...options(), businessName: 'x'.repeat(101) }, 'businessName'],
    ['an unknown model', { ...options(), model: 'shop' }, 'model'],
    ['an unknown language', { ...options(), language: 'de' }, 'language'],
    ['a lower-case currency', { ...options(), currency: 'usd' }, 'currency'],
    ['no channels', { ...options(), channels: [] }, 'channels'],
    ['21 channels', { ...options(), channels: Array.from({ length: 21 }, (_, i) => `c${i}`) }, 'channels'],
    ['a channel that is not text', { ...options(), channels: ['Email', 3] }, 'channels'],
    ['a duplicate channel ignoring case', { ...options(), channels: ['Email', 'EMAIL'] }, 'twice'],
    ['11 segments', { ...options(), segments: Array.from({ length: 11 }, (_, i) => `s${i}`) }, 'segments'],
    ['a negative target', { ...options(), targets: { reach: -1 } }, 'reach'],
    ['a text target', { ...options(), targets: { reach: '10' } }, 'reach'],
    ['a target for an unknown stage', { ...options(), targets: { plan: 1 } }, 'targets'],
    ['an unknown horizon', { ...options(), horizon: '30d' }, 'horizon'],
    ['a gross margin over 1', { ...options(), grossMargin: 40 }, 'grossMargin'],
    ['a negative gross margin', { ...options(), grossMargin: -0.1 }, 'grossMargin'],
    ['a gross margin as text', { ...options(), grossMargin: '0.4' }, 'grossMargin'],
    ['a gross margin that is not finite', { ...options(), grossMargin: Number.NaN }, 'grossMargin'],
    // Issue 8, 3.4: nothing visible is blank.
    ...INVISIBLE.map((text) => [`a business name of only ${escaped(text)}`, { ...options(), businessName: text }, 'businessName'] as [string, unknown, string]),
    ...INVISIBLE.map((text) => [`a channel of only ${escaped(text)}`, { ...options(), channels: ['Email', text] }, 'channels'] as [string, unknown, string]),
    ...INVISIBLE.map((text) => [`a segment of only ${escaped(text)}`, { ...options(), segments: [text] }, 'segments'] as [string, unknown, string]),
  ])('rejects %s with a message naming it', (_, raw, expected) => {
    expect(() => validateWorkbookOptions(raw)).toThrow(expected);
  });

  it.each(LANGUAGES.flatMap((labels) => [translate(labels, 'summary.total'), translate(labels, 'value.blank')]))(
    'refuses a channel named %s (RACE_SUMMARY\'s own row label), in any case and in every language',
    (label) => {
      for (const name of [label, label.toUpperCase(), ` ${label.toLowerCase()}\u200b `]) {
        for (const language of LANGUAGES) {
          expect(() => validateWorkbookOptions({ ...options(), channels: ['Email', name] }, language)).toThrow(
            `generateWorkbook: ${translate(language, 'workbook.error.reservedChannel', { name: 'channels', value: `"${name.trim()}"` })}`,
          );
        }
      }
      // A segment is never a RACE_SUMMARY group of the workbook: it may be named so.
      expect(validateWorkbookOptions({ ...options(), segments: [label] }).segments).toEqual([label]);
    },
  );

  it('takes a gross margin from 0 to 1, 40% when none is given', () => {
    expect(validateWorkbookOptions(options()).grossMargin).toBe(DEFAULT_GROSS_MARGIN);
    expect(DEFAULT_GROSS_MARGIN).toBe(0.4);
    for (const margin of [0, 0.25, 1]) expect(validateWorkbookOptions({ ...options(), grossMargin: margin }).grossMargin).toBe(margin);
    expect(() => validateWorkbookOptions({ ...options(), grossMargin: 2 }, 'fa')).toThrow(translate('fa', 'workbook.error.badShare', { name: 'grossMargin', value: '2' }));
  });

  it('keeps names with visible text around invisible characters', () => {
    expect(validateWorkbookOptions({ ...options(), channels: ['Email', 'نیم\u200cفاصله'] }).channels).toEqual(['Email', 'نیم\u200cفاصله']);
  });

  it('speaks the requested language', () => {
    expect(() => validateWorkbookOptions({ ...options(), currency: 'x' }, 'fa')).toThrow(
      translate('fa', 'workbook.error.badCurrency', { value: '"x"' }),
    );
  });
});

describe('textCell', () => {
  it.each(['=SUM(A1)', '+1', '-1', '@x', '\tx', '\rx', '2024', '=HYPERLINK("http://x")'])('keeps %j as literal text', (text) => {
    const cell = textCell(text);
    expect(cell).toBe(`'${text}`);
  });
});

describe('freeSheetName', () => {
  it('adds " (2)", " (3)" to a taken name, ignoring case', () => {
    expect(freeSheetName('Data', ['Other'])).toBe('Data');
    expect(freeSheetName('Data', ['data'])).toBe('Data (2)');
    expect(freeSheetName('Data', ['Data', 'Data (2)'])).toBe('Data (3)');
  });

  it('never reuses an existing name for any generated sheet', () => {
    const taken = ['Data', 'KPIs', 'Dashboard (2)', 'Dashboard', 'Plan (OSA)', 'content (3-3-3)'];
    const names = generateWorkbookSpec(options(), taken, START).sheets.map((s) => s.name);
    expect(names).toEqual(['Plan (OSA) (2)', 'KPIs (2)', 'Data (2)', 'Dashboard (3)', 'Content (3-3-3) (2)']);
  });
});

describe('periodStarts', () => {
  it('starts weeks on the Monday and counts 13 weeks, 52 weeks, 3 months or 12 months', () => {
    const weeks = periodStarts({ horizon: '90d', granularity: 'week' }, START);
    expect(weeks[0]).toBe(SERIAL_2025_01_13);
    expect(weeks).toHaveLength(13);
    expect(weeks[1] - weeks[0]).toBe(7);
    expect(periodStarts({ horizon: '12m', granularity: 'week' }, START)).toHaveLength(52);
    const months = periodStarts({ horizon: '12m', granularity: 'month' }, START);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe(SERIAL_2025_01_13 - 12); // 2025-01-01
    expect(months[1] - months[0]).toBe(31);
    expect(periodStarts({ horizon: '90d', granularity: 'month' }, START)).toHaveLength(3);
  });
});

describe('generateWorkbookSpec', () => {
  const all = BUSINESS_MODEL_IDS.flatMap((model) =>
    LANGUAGES.map((language) => generateWorkbookSpec(options({ model, language, segments: ['SMB', 'Enterprise'] }), [], START)),
  );

  it('gives every sheet rectangular grids of one size, inside its kept grid', () => {
    for (const spec of all) {
      for (const s of spec.sheets) {
        const rows = s.values.length;
        const columns = s.values[0].length;
        for (const grid of [s.values, s.numberFormats, s.fontWeights, s.backgrounds, s.wraps]) {
          expect(grid).toHaveLength(rows);
          for (const row of grid) expect(row).toHaveLength(columns);
        }
        expect(s.rows).toBeGreaterThanOrEqual(rows);
        expect(s.columns).toBeGreaterThanOrEqual(columns);
        const blocks = [...s.validations, ...s.conditionalFormats, ...s.formatBlocks].map((x) => x.block).concat(s.warningOnly, s.charts.flatMap((chart) => chart.ranges));
        for (const b of blocks) {
          expect(b.row + b.numRows - 1).toBeLessThanOrEqual(s.rows);
          expect(b.column + b.numColumns - 1).toBeLessThanOrEqual(s.columns);
        }
      }
    }
  });

  it('writes formulas Sheets parses in any locale: no decimal literal, no {} array, quoted sheet names, only RACE_ custom functions', () => {
    const builtIns = new Set(['IF', 'SUM', 'SUMIFS', 'COUNT', 'COUNTIF', 'COUNTIFS', 'MAXIFS', 'MINIFS', 'MIN', 'MAX', 'OR', 'ISNUMBER', 'SUMPRODUCT', 'ARRAYFORMULA', 'IFERROR', 'INDEX', 'MATCH', 'SORT', 'UNIQUE', 'FILTER', 'TEXT', 'SUBSTITUTE', 'TRIM']);
    for (const spec of all) {
      for (const formula of formulasOf(spec)) {
        const outsideStrings = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, 'S!');
        expect(outsideStrings).not.toMatch(/\d\.\d/);
        expect(outsideStrings).not.toMatch(/[{};]/);
        for (const [, name] of outsideStrings.matchAll(/([A-Z_][A-Z0-9_.]*)\(/g)) {
          expect(builtIns.has(name) || name.startsWith('RACE_')).toBe(true);
        }
        for (const [ref] of outsideStrings.matchAll(/[^\s(,=&<>+\-*/]+!/g)) expect(ref).toBe('S!');
      }
    }
  });

  it('passes the language literally to text-returning RACE functions', () => {
    for (const spec of all) {
      for (const formula of formulasOf(spec).filter((f) => /RACE_(FUNNEL|BOTTLENECK|SUMMARY|STATUS)\(/.test(f))) {
        // The language is an argument of its own (RACE_BOTTLENECK takes the references after it).
        expect(formula).toMatch(new RegExp(`,"${spec.language}"[,)]`));
      }
    }
  });

  it('writes every text as neutralized text, user text included', () => {
    const evil = options({ businessName: '=IMPORTXML("x")', channels: ['+cmd', '@mail', '-1'], segments: ['=1+1', '\tTab'] });
    const spec = generateWorkbookSpec(evil, [], START);
    for (const value of spec.sheets.flatMap((s) => s.values.flat())) {
      if (typeof value === 'string' && value !== '') expect(value[0] === "'" || value[0] === '=').toBe(true);
    }
    const texts = spec.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string' && v.startsWith("'"));
    for (const name of ['+cmd', '@mail', '-1', '=1+1', '\tTab']) expect(texts).toContain(`'${name}`);
    const formulas = formulasOf(spec).join('\n');
    for (const name of ['+cmd', '@mail', '=1+1', 'IMPORTXML']) expect(formulas).not.toContain(name);
  });

  it('makes fa and ar sheets right-to-left and English ones left-to-right', () => {
    for (const spec of all) for (const s of spec.sheets) expect(s.rightToLeft).toBe(spec.language !== 'en');
  });

  it('localizes sheet names and every header from the catalogue', () => {
    for (const spec of all) {
      expect(spec.sheets.map((s) => s.name)).toEqual(
        ['workbook.sheet.plan', 'workbook.sheet.kpis', 'workbook.sheet.data', 'workbook.sheet.dashboard', 'workbook.sheet.content'].map((k) => CATALOGUES[spec.language][k as 'workbook.sheet.plan']),
      );
    }
  });

  it('lays out the Data sheet: Period | Channel | Campaign | Segment | the model\'s measures, one row per period x channel x segment', () => {
    const opts = options({ segments: ['SMB', 'Enterprise'], language: 'fa' });
    const data = sheet(generateWorkbookSpec(opts, [], START), 'data');
    const [header, ...rows] = data.values;
    const measures = dataMeasures('ecommerce');
    expect(header).toEqual([
      ...['workbook.data.period', 'workbook.data.channel', 'workbook.data.campaign', 'workbook.data.segment'].map((key) => textCell(translate('fa', key as 'workbook.data.period'))),
      ...measures.map((m) => textCell(measureName('ecommerce', m).fa)),
    ]);
    expect(header).toContain("'افزودن به سبد خرید"); // Add-to-carts, the model's word, not "Leads"
    expect(rows).toHaveLength(13 * 2 * 2 + SPARE_DATA_ROWS);
    // A Persian workbook's weeks start on Saturday: 2025-01-11 holds START (Wednesday 2025-01-15).
    expect(rows[0].slice(0, 4)).toEqual([SERIAL_2025_01_13 - 2, "'Email", null, "'SMB"]);
    expect(rows[3].slice(0, 4)).toEqual([SERIAL_2025_01_13 - 2, "'Paid search", null, "'Enterprise"]);
    expect(rows[4][0]).toBe(SERIAL_2025_01_13 - 2 + 7);
    expect(data.backgrounds[1][2]).toBe(INPUT_BACKGROUND); // campaigns may be typed on the planned rows
    expect(data.frozenRows).toBe(1);
    expect(data.validations).toEqual([
      expect.objectContaining({ block: { row: 2, column: 5, numRows: 52 + SPARE_DATA_ROWS, numColumns: measures.length }, rule: expect.objectContaining({ kind: 'nonNegativeNumber' }) }),
    ]);
    expect(data.numberFormats[1][4 + measures.indexOf('revenue')]).toBe('#,##0.00 "دلار"'); // a Persian workbook names USD after the number
    expect(data.numberFormats[1][4 + measures.indexOf('orders')]).toBe('#,##0');
  });

  it('without segments the measures start right after Campaign', () => {
    const data = sheet(generateWorkbookSpec(options(), [], START), 'data');
    expect(data.values[0].slice(0, 4)).toEqual(["'Period", "'Channel", "'Campaign", `'${MEASURE_HEADERS.impressions.en}`]);
  });

  it.each(BUSINESS_MODEL_IDS)('gives the %s Data sheet a column for every measure its KPIs and funnel use, and no other', (model) => {
    const spec = generateWorkbookSpec(options({ model }), [], START);
    const header = sheet(spec, 'data').values[0].slice(3);
    const { kpiIds, funnel } = BUSINESS_MODELS[model];
    const used = new Set<string>(['revenue', 'cost', ...funnel.map((step) => step.measure)]);
    for (const id of Object.values(kpiIds).flat()) {
      const from = KPIS_BY_ID[id].fromData;
      for (const measure of [from?.numerator, from?.denominator, from?.denominatorPlus]) if (measure) used.add(measure);
    }
    const expected = MEASURES.filter((m) => used.has(m));
    expect(header).toEqual(expected.map((m) => textCell(measureName(model, m).en)));
    expect(header.length).toBeLessThan(MEASURES.length);
  });

  it('separates orders from customers for shops and gives SaaS trials, new subscribers, MRR and churned subscribers', () => {
    expect(dataMeasures('ecommerce')).toEqual(['impressions', 'clicks', 'visits', 'leads', 'orders', 'customers', 'revenue', 'cost', 'repeatCustomers']);
    expect(dataMeasures('saas')).toEqual(['impressions', 'clicks', 'visits', 'trials', 'subscribers', 'revenue', 'mrr', 'cost', 'repeatCustomers', 'churnedSubscribers']);
    for (const model of BUSINESS_MODEL_IDS.filter((m) => m !== 'saas')) {
      expect(dataMeasures(model)).toEqual(expect.arrayContaining(['orders', 'customers']));
      expect(dataMeasures(model)).not.toContain('mrr');
    }
    const saas = sheet(generateWorkbookSpec(options({ model: 'saas' }), [], START), 'data');
    expect(saas.numberFormats[1][3 + dataMeasures('saas').indexOf('mrr')]).toContain('USD');
  });

  it('computes AOV from orders and the repeat rate from customers on the KPI sheet', () => {
    const spec = generateWorkbookSpec(options(), [], START);
    const kpis = sheet(spec, 'kpis');
    const column = (measure: 'orders' | 'customers' | 'revenue' | 'repeatCustomers') => String.fromCharCode(65 + 3 + dataMeasures('ecommerce').indexOf(measure));
    const actualOf = (id: 'averageOrderValue' | 'repeatRate') => kpis.values.find((row) => row[1] === `'${KPIS_BY_ID[id].name.en}`)![KPI_COLUMNS.actual - 1] as string;
    expect(actualOf('averageOrderValue')).toContain(`SUM('Data'!$${column('revenue')}$2:`);
    expect(actualOf('averageOrderValue')).toContain(`/(SUM('Data'!$${column('orders')}$2:`);
    expect(actualOf('repeatRate')).toContain(`/(SUM('Data'!$${column('customers')}$2:`);
  });

  it('gives a KPI that no column feeds a shaded input actual and a note that says to type it', () => {
    const [actual, note, status] = [KPI_COLUMNS.actual - 1, KPI_COLUMNS.note - 1, KPI_COLUMNS.status - 1];
    const actualLetter = String.fromCharCode(64 + KPI_COLUMNS.actual);
    for (const language of LANGUAGES) {
      const kpis = sheet(generateWorkbookSpec(options({ language, segments: ['SMB'] }), [], START), 'kpis');
      for (const id of ['nps', 'customerSatisfaction', 'emailOpenRate', 'socialFollowers'] as const) {
        const rows = kpis.values.map((row, r) => [row, r] as const).filter(([row]) => row[1] === `'${KPIS_BY_ID[id].name[language]}`);
        expect(rows).toHaveLength(2); // the SMB block and the all-segments block
        for (const [row, r] of rows) {
          expect(row[actual]).toBeNull();
          expect(kpis.backgrounds[r][actual]).toBe(INPUT_BACKGROUND);
          expect(row[note]).toBe(`=IF($${actualLetter}$${r + 1}="","${translate(language, 'workbook.kpi.typeActual')}","")`);
        }
      }
      // A computed actual has no shading and no note; every status is one RACE_STATUS per block's column.
      const [ctrRow, r] = kpis.values.map((row, i) => [row, i] as const).find(([row]) => row[1] === `'${KPIS_BY_ID.ctr.name[language]}`)!;
      expect(String(ctrRow[actual])).toMatch(/^=IF\(/);
      expect(kpis.backgrounds[r][actual]).toBeNull();
      expect(ctrRow[note]).toBeNull();
      const statuses = kpis.values.flatMap((row) => (typeof row[status] === 'string' && row[status].includes('RACE_STATUS(') ? [row[status]] : []));
      expect(statuses).toHaveLength(2);
    }
  });

  it('keeps blank input rows at the end of the Data table, inside every formula range that reads it', () => {
    const spec = generateWorkbookSpec(options(), [], START);
    const data = sheet(spec, 'data');
    const lastRow = data.values.length;
    const spare = data.values.slice(lastRow - SPARE_DATA_ROWS);
    for (const cells of spare) expect(cells.every((value) => value === null)).toBe(true);
    const dataRanges = formulasOf(spec).flatMap((f) => [...f.matchAll(/'Data'!\$[A-Z]+\$(\d+):\$[A-Z]+\$(\d+)/g)]);
    expect(dataRanges.length).toBeGreaterThan(0);
    for (const [, , last] of dataRanges) expect(Number(last)).toBe(lastRow);
  });

  it('gives every model a volume KPI computed from data in every stage, so no stage target is dropped', () => {
    for (const model of BUSINESS_MODEL_IDS) {
      for (const stage of KPI_STAGES) expect([model, stage, stageVolumeKpi(BUSINESS_MODELS[model].kpiIds[stage])?.id]).toEqual([model, stage, expect.any(String)]);
    }
  });

  it('lists each stage KPI of the model per segment and for all segments, with a stage target on its volume KPI', () => {
    const opts = options({ model: 'b2b', segments: ['SMB', 'Enterprise'], targets: { convert: 120 } });
    const kpis = sheet(generateWorkbookSpec(opts, [], START), 'kpis');
    const model = BUSINESS_MODELS.b2b;
    const perBlock = Object.values(model.kpiIds).flat();
    const names = kpis.values.map((row) => row[1]);
    for (const id of perBlock) expect(names.filter((n) => n === `'${KPIS_BY_ID[id].name.en}`)).toHaveLength(3);
    expect(names).toContain("'SMB");
    expect(names).toContain("'All segments");
    const targets = kpis.values.filter((row) => row[KPI_COLUMNS.target - 1] === 120);
    expect(targets).toHaveLength(1); // only in the all-segments block
    const volumeKpi = KPIS_BY_ID[model.kpiIds.convert.find((id) => KPIS_BY_ID[id].vqvc === 'volume' && KPIS_BY_ID[id].fromData && !KPIS_BY_ID[id].fromData!.denominator)!];
    expect(targets[0][1]).toBe(`'${volumeKpi.name.en}`);
    // One RACE_STATUS per status column (status, forecast status) per block, not one per KPI.
    const statusCalls = kpis.values.flat().filter((v) => typeof v === 'string' && v.includes('RACE_STATUS('));
    expect(statusCalls).toHaveLength(2 * 3);
  });

  it('guards the Dashboard, the KPI statuses and the Data headers with a warning-only protection, never an input cell', () => {
    const inside = (s: SheetSpec, row: number, column: number) =>
      s.warningOnly.some((b) => row >= b.row && row < b.row + b.numRows && column >= b.column && column < b.column + b.numColumns);
    const cellsWhere = (s: SheetSpec, test: (value: unknown) => boolean) =>
      s.values.flatMap((cells, r) => cells.flatMap((value, c) => (test(value) ? [[r + 1, c + 1] as const] : [])));
    for (const spec of all) {
      const dashboard = sheet(spec, 'dashboard');
      for (const [r, c] of cellsWhere(dashboard, (v) => typeof v === 'string' && v.startsWith('='))) expect(inside(dashboard, r, c)).toBe(true);
      const kpis = sheet(spec, 'kpis');
      for (const [r, c] of cellsWhere(kpis, (v) => typeof v === 'string' && v.startsWith('=RACE_STATUS('))) expect(inside(kpis, r, c)).toBe(true);
      const data = sheet(spec, 'data');
      data.values[0].forEach((_, c) => expect(inside(data, 1, c + 1)).toBe(true));
      for (const s of spec.sheets) {
        s.backgrounds.forEach((cells, r) =>
          cells.forEach((background, c) => {
            if (background === INPUT_BACKGROUND) expect(inside(s, r + 1, c + 1)).toBe(false); // shaded cells are for typing
          }),
        );
      }
    }
  });

  it('keeps room below the campaign list for as many campaigns as the Data sheet has rows, at the largest workbook', () => {
    const large = generateWorkbookSpec(
      options({ horizon: '12m', granularity: 'week', channels: Array.from({ length: 20 }, (_, i) => `Channel ${i}`), segments: Array.from({ length: 10 }, (_, i) => `Segment ${i}`) }),
      [],
      START,
    );
    const dashboard = sheet(large, 'dashboard');
    const dataRows = sheet(large, 'data').rows - 1;
    const list = dashboard.values.findIndex((row) => row.some((v) => typeof v === 'string' && v.includes('UNIQUE(FILTER(')));
    const column = dashboard.values[list].findIndex((v) => typeof v === 'string' && v.includes('UNIQUE(FILTER('));
    // Nothing else in the column below the list, and the grid reaches its last possible row.
    for (let r = list + 1; r < dashboard.values.length; r++) expect(dashboard.values[r][column] ?? null).toBeNull();
    expect(dashboard.rows).toBeGreaterThanOrEqual(list + dataRows);
    // The campaign dropdown lists that whole column from "All" down.
    const rule = dashboard.validations.find((v) => v.rule.kind === 'listFromRange')!.rule as { block: { row: number; column: number; numRows: number } };
    expect(rule.block).toMatchObject({ row: list, column: column + 1, numRows: dataRows + 1 });
  });

  it('places the dashboard charts right of the tables without overlap, and the spilling summaries below them all with room for one group per Data row', () => {
    const sizes = [
      options({ horizon: '90d', granularity: 'month', channels: ['Email'] }),
      options({ horizon: '12m', granularity: 'week', channels: Array.from({ length: 20 }, (_, i) => `Channel ${i}`), segments: Array.from({ length: 10 }, (_, i) => `Segment ${i}`) }),
    ];
    for (const opts of sizes) {
      const spec = generateWorkbookSpec(opts, [], START);
      const dashboard = sheet(spec, 'dashboard');
      // A chart covers CHART_ROWS rows and six 110-px columns (600 px).
      const boxes = dashboard.charts.map((chart) => ({ top: chart.anchorRow, bottom: chart.anchorRow + CHART_ROWS - 1, left: chart.anchorColumn, right: chart.anchorColumn + 5 }));
      for (const box of boxes) expect(box.left).toBeGreaterThanOrEqual(DASHBOARD_TABLE_COLUMNS + 2);
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left).toBe(true)));
      const summaries = dashboard.values.flatMap((row, r) => row.flatMap((value, c) => (typeof value === 'string' && value.startsWith('=RACE_SUMMARY(') ? [[r + 1, c + 1]] : [])));
      expect(summaries).toHaveLength(opts.segments.length > 0 ? 2 : 1);
      const measures = dataMeasures(opts.model);
      const width = 1 + measures.length + SUMMARY_RATES.filter((rate) => measures.includes(rate.numerator) && measures.includes(rate.denominator)).length;
      const dataRows = sheet(spec, 'data').rows - 1;
      for (const [row, column] of summaries) {
        expect(row).toBeGreaterThan(Math.max(...boxes.map((box) => box.bottom)));
        // Header, one group per Data row, Total: inside the kept grid, and no cell of the sheet in the way.
        expect(dashboard.rows).toBeGreaterThanOrEqual(row + dataRows + 1);
        expect(dashboard.columns).toBeGreaterThanOrEqual(column + width - 1);
        // Every figure column of the spill carries a format from its first group down to the last row the
        // Total can reach, as one block per column (not a grid of empty cells).
        for (let c = column + 1; c <= column + width - 1; c++) {
          const area = dashboard.formatBlocks.find(({ block }) => block.column === c && block.row === row + 1);
          expect(area?.block).toEqual({ row: row + 1, column: c, numRows: dataRows + 1, numColumns: 1 });
          expect(area?.format).not.toBe('General');
        }
        expect(dashboard.values.length).toBeLessThan(row + 1);
        const inTheWay = dashboard.values.slice(row).flatMap((cells, r) => cells.slice(column - 1, column - 1 + width).flatMap((value, c) => (value === null ? [] : [`R${row + 1 + r}C${column + c} ${value}`])));
        expect(inTheWay).toEqual([]);
      }
      expect(summaries.every(([row]) => row === summaries[0][0])).toBe(true);
      if (summaries.length === 2) expect(summaries[1][1]).toBeGreaterThan(summaries[0][1] + width - 1);
    }
  });

  it('takes each model\'s cost per acquisition from its Convert KPIs, as RACE_SUMMARY defines CPA where the Data sheet has customers', () => {
    const summaryCpa = SUMMARY_RATES.find((rate) => rate.label === 'summary.cpa')!;
    for (const model of BUSINESS_MODEL_IDS) {
      const { cpa, roas } = acquisitionKpis(model);
      expect(BUSINESS_MODELS[model].kpiIds.convert).toContain(cpa.id);
      expect(cpa.fromData?.numerator).toBe('cost');
      expect(dataMeasures(model)).toContain(cpa.fromData!.denominator);
      if (dataMeasures(model).includes('customers')) expect(cpa.fromData?.denominator).toBe(summaryCpa.denominator);
      expect(roas.fromData).toEqual({ numerator: 'revenue', denominator: 'cost' });
    }
    expect(acquisitionKpis('saas').cpa.id).toBe('costPerSubscriber');
  });

  it('has the same number of rules, charts and column spans for a small and a large workbook', () => {
    // Segments add a fixed few (a segment selector, the per-segment charts): both workbooks have some.
    const small = generateWorkbookSpec(options({ horizon: '90d', granularity: 'month', channels: ['Email'], segments: ['SMB'] }), [], START);
    const large = generateWorkbookSpec(
      options({ horizon: '12m', granularity: 'week', channels: Array.from({ length: 20 }, (_, i) => `Channel ${i}`), segments: Array.from({ length: 10 }, (_, i) => `Segment ${i}`) }),
      [],
      START,
    );
    const shape = (spec: WorkbookSpec) =>
      spec.sheets.map((s) => [s.validations.length, s.conditionalFormats.length, s.charts.length, s.columnWidths.length, s.formatBlocks.length, s.warningOnly.length, s.frozenRows]);
    expect(shape(large)).toEqual(shape(small));
    expect(sheet(large, 'data').rows).toBe(1 + 52 * 20 * 10 + SPARE_DATA_ROWS);
  });
});
