import { describe, expect, it } from 'vitest';
import { csvLine } from './csv.ts';

describe('CSV lines', () => {
  it.each([
    [['a', 'b'], 'a,b'],
    [['say "hi", ok'], '"say ""hi"", ok"'],
    [['=HYPERLINK("http://evil")'], `"'=HYPERLINK(""http://evil"")"`],
    [['+1', '-2', '@SUM(A1)'], "'+1,'-2,'@SUM(A1)"],
    [[-5, 3], '-5,3'],
    [[null, undefined, 'x'], ',,x'],
    [['two\nlines'], '"two\nlines"'],
  ])('%j → %s', (cells, line) => {
    expect(csvLine(cells)).toBe(line);
  });
});
