/**
 * One CSV line (RFC 4180 quoting). Cells a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) get a leading apostrophe, so an export is safe to open.
 */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells
    .map((c) => {
      if (c === null || c === undefined) return '';
      let v = String(c);
      if (typeof c === 'string' && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}
