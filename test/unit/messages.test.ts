// Issue 8, 3.3: messages quote user text cut short and lists of it capped, however long the headers are.
import type { Cell } from '../../src/core/cells';
import { quoteText, quotedList } from '../../src/core/cells';
import type { CallContext } from '../../src/core/errors';
import { cleanImport } from '../../src/core/import';
import { summarize } from '../../src/core/summary';

const HUGE = 'H'.repeat(50_000);
/** Far above any message we write, far below a header's length. */
const MAX_MESSAGE = 1_000;
const ctx: CallContext = { fn: 'RACE_SUMMARY', language: 'en' };

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error thrown');
}

describe('quoting user text in messages', () => {
  test('quoteText keeps short text whole and cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(quoteText('Visits')).toBe('"Visits"');
    expect(quoteText(HUGE)).toBe(`"${'H'.repeat(40)}…"`);
    const emoji = `${'a'.repeat(39)}😀tail`;
    expect(quoteText(emoji)).toBe(`"${'a'.repeat(39)}…"`);
  });

  test('quotedList caps the list as well as each entry', () => {
    expect(quotedList(['a', 'b'])).toBe('"a", "b"');
    const many = Array.from({ length: 500 }, (_, i) => `${HUGE}${i}`);
    const list = quotedList(many);
    expect(list.length).toBeLessThan(MAX_MESSAGE);
    expect(list.endsWith('…')).toBe(true);
  });
});

describe('RACE_SUMMARY messages with huge headers', () => {
  const table = (headers: Cell[]): Cell[][] => [headers, headers.map(() => 1)];

  // The no-measure message also lists every measure name it accepts (a fixed text): measured apart.
  const accepted = messageOf(() => summarize(ctx, table(['a', 'b']), '', '')).length;

  test.each<[string, () => unknown, string]>([
    ['a group_by no header matches', () => summarize(ctx, table([HUGE, 'Visits']), 'Nope', ''), 'missingHeader'],
    ['no measure column', () => summarize(ctx, table([HUGE, `${HUGE}x`]), '', ''), 'noMeasures'],
    ['500 long headers and no measure', () => summarize(ctx, table(Array.from({ length: 500 }, (_, i) => `${'x'.repeat(60)}${i}`)), '', ''), 'noMeasures'],
    ['a mapping naming a missing header', () => summarize(ctx, table(['Channel', 'Visits']), '', `visits=${HUGE}`), 'missingHeader'],
    ['a malformed mapping', () => summarize(ctx, table(['Channel', 'Visits']), '', HUGE), 'badMapping'],
    ['an unknown measure in a mapping', () => summarize(ctx, table(['Channel', 'Visits']), '', `${HUGE}=Visits`), 'unknownMeasure'],
    ['an overflowing column with a huge header', () => summarize(ctx, [['Channel', `Visits ${HUGE}`], ['a', Number.MAX_VALUE], ['a', Number.MAX_VALUE]], '', `visits=Visits ${HUGE}`), 'sumTooLarge'],
  ])('%s: the message stays short', (_title, call, kind) => {
    const message = messageOf(call);
    expect(message.startsWith('RACE_SUMMARY: ')).toBe(true);
    expect(message.length - (kind === 'noMeasures' ? accepted : 0)).toBeLessThan(MAX_MESSAGE);
  });
});

describe('import messages with huge headers', () => {
  const importCtx: CallContext = { fn: 'commitImport', language: 'en' };
  const rows: Cell[][] = [[HUGE, `${HUGE}y`, 'Clicks'], ['a', 'b', '1']];

  test.each<[string, Parameters<typeof cleanImport>[1]]>([
    ['no measure mapped', { headerRow: 0, mapping: { 0: 'channel', 1: 'campaign' } }],
    ['a bad target', { headerRow: 0, mapping: { 0: HUGE as never, 2: 'clicks' } }],
    ['two columns for one target', { headerRow: 0, mapping: { 0: 'clicks', 1: 'clicks' } }],
  ])('%s: the message stays short', (_title, plan) => {
    const message = messageOf(() => cleanImport(rows, plan, importCtx));
    expect(message.startsWith('commitImport: ')).toBe(true);
    expect(message.length).toBeLessThan(MAX_MESSAGE);
  });
});
