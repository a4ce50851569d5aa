import { describe, expect, it } from 'vitest';
import { copyField, copyText, escapeCopyText } from './copy-text.ts';

describe('COPY text', () => {
  it("escapes COPY's special characters and nothing else", () => {
    expect(escapeCopyText('a\tb\nc\rd\\e "f" ورشة')).toBe('a\\tb\\nc\\rd\\\\e "f" ورشة');
  });

  it('writes each type as PostgreSQL reads it, NULL for null and missing values', () => {
    expect(copyField(null, 'text')).toBe('\\N');
    expect(copyField(undefined, 'jsonb')).toBe('\\N');
    expect(copyField('\\N', 'text')).toBe('\\\\N');
    expect(copyField({ fr: 'a\tb' }, 'jsonb')).toBe('{"fr":"a\\\\tb"}');
    expect(copyField(['a,b', 'say "hi"', 'back\\slash', null], 'text[]')).toBe('{"a,b","say \\\\"hi\\\\"","back\\\\\\\\slash",NULL}');
    expect(copyField([], 'text[]')).toBe('{}');
    expect(copyField(12, 'integer')).toBe('12');
    expect(copyField(-5.0003, 'double precision')).toBe('-5.0003');
    expect(copyField(true, 'boolean')).toBe('t');
    expect(copyField(false, 'boolean')).toBe('f');
  });

  it('refuses a value of the wrong shape instead of writing something else', () => {
    expect(() => copyField('a', 'text[]')).toThrow(TypeError);
    expect(() => copyField('12', 'integer')).toThrow(TypeError);
  });

  it('writes one line a row, fields in column order, tab-separated', () => {
    const columns = [
      { key: 'b', type: 'integer' as const },
      { key: 'a', type: 'text' as const },
    ];
    expect(copyText(columns, [{ a: 'x', b: 1 }, { b: 2 }])).toBe('1\tx\n2\t\\N\n');
  });
});
