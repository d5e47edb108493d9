import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/server/csv.ts';

describe('CSV (RFC 4180, safe to open in a spreadsheet)', () => {
  it('ends every line, the last one too, with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });

  it('quotes a field holding a comma, a quote or a line break, and doubles its quotes', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('Jo "JJ" Smith')).toBe('"Jo ""JJ"" Smith"');
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('keeps a quoted field with a line break in one record when the file is read back', () => {
    const text = toCsv([
      ['name', 'note'],
      ['Jo', 'first\r\nsecond, "third"'],
    ]);
    expect(text).toBe('name,note\r\nJo,"first\r\nsecond, ""third"""\r\n');
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\r=cmd', '"\'\r=cmd"'],
  ])('prefixes %j with an apostrophe so it cannot run as a formula', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('quotes a formula that also needs quoting, after the apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
  });

  it('leaves numbers alone, negative ones too, and writes nothing for a missing value', () => {
    expect(toCsv([[1, -2.5, 0, null, undefined, 'x']])).toBe('1,-2.5,0,,,x\r\n');
  });

  it('does not touch a dash or an equals sign inside a value', () => {
    expect(csvCell('Ana-Maria = lead')).toBe('Ana-Maria = lead');
  });
});
