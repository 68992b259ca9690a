import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { defuseCell, toCsv, type CsvCell } from './csv.ts';

/** What a spreadsheet would run as a formula: a cell starting with = + - @ tab or CR (a plain number is a number). */
export const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

describe('the CSV writer', () => {
  it.each<[CsvCell[], string]>([
    [['a', 'b'], '"a","b"\r\n'],
    [['say "hi", ok'], '"say ""hi"", ok"\r\n'],
    [['=HYPERLINK("http://evil")'], `"'=HYPERLINK(""http://evil"")"\r\n`],
    [['+1', '-2', '@SUM(A1)'], `"'+1","'-2","'@SUM(A1)"\r\n`],
    [['Jonas;=1+1;@SUM(1)'], `"Jonas;'=1+1;'@SUM(1)"\r\n`],
    [['a,-2,+3'], `"a,'-2,'+3"\r\n`],
    [['tab\t=1'], `"tab\t'=1"\r\n`],
    [['\t=1'], `"'\t'=1"\r\n`],
    [['x;\t=1'], `"x;'\t'=1"\r\n`],
    [['line\n@cmd'], `"line\n'@cmd"\r\n`],
    [['line\r\n=1'], `"line\r\n'=1"\r\n`],
    [['cr\r=1'], `"cr\r'=1"\r\n`],
    [['a;  =1'], `"a;'  =1"\r\n`],
    [[' =1'], `"' =1"\r\n`],
    [['a=b', 'x-y', 'mail@example.com'], '"a=b","x-y","mail@example.com"\r\n'],
    [[5, -3, 1.5], '5,-3,1.5\r\n'],
    [[-5, 3], `"'-5",3\r\n`],
    [[null, undefined, '', 'x'], ',,"","x"\r\n'],
    [['two\nlines'], '"two\nlines"\r\n'],
  ])('%j → %j', (cells, text) => {
    expect(toCsv([cells])).toBe(text);
  });

  it('writes one line per row', () => {
    expect(
      toCsv([
        ['date', 'points'],
        ['2026-04-01', -5],
        ['2026-04-02', 3],
      ]),
    ).toBe('"date","points"\r\n"2026-04-01",-5\r\n"2026-04-02",3\r\n');
  });

  it('leaves no cell a spreadsheet would run, split at "," or at ";"', () => {
    const hostile = ['Jonas;=1+1;@SUM(1)', '=cmd|" /C calc"!A0', 'a,+b;-c\t@d\n=e\r+f', '; =1', '-', '@', '==', "'=already"];
    const text = toCsv([hostile, [-7, 'ok']]);
    // A standard parser gives each cell back whole, with only the apostrophes added.
    expect(parse(text, { relax_column_count: true })).toEqual([hostile.map(defuseCell), ["'-7", 'ok']]);
    for (const delimiter of [',', ';']) {
      // A spreadsheet splitting every line at the separator, quotes or not, as a locale mismatch does.
      const cells = text
        .split(/\r\n|\n|\r/)
        .flatMap((line) => line.split(delimiter))
        .map((c) => c.replace(/^"/, ''));
      expect(cells.filter(runsAsFormula)).toEqual([]);
      // And a standard parser in that separator's mode.
      const parsed = parse(text, { delimiter, relax_quotes: true, relax_column_count: true, quote: false }) as string[][];
      expect(
        parsed
          .flat()
          .map((c) => c.replace(/^"/, ''))
          .filter(runsAsFormula),
      ).toEqual([]);
    }
  });

  it('is the only place in the server that writes CSV', () => {
    const root = join(import.meta.dirname, '..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test'));
    const writers = files.filter((f) => /text\/csv|csv-stringify/.test(readFileSync(join(root, f), 'utf8'))).map((f) => relative(root, join(root, f)));
    expect(writers).toEqual(['lib/csv.ts']);
  });
});
