import { describe, expect, it } from 'vitest';
import { SqRegex } from '../../../src/squirrel/lib/regexp.js';
import { SqRegex2 } from '../../../src/squirrel/lib/regexp2.js';

const re = (p: string) => new SqRegex(p);
const span = (begin: number, end: number) => ({ begin, end });

describe('regexp (sqstdrex)', () => {
  it('match is a whole-subject match', () => {
    expect(re('a+b').match('aaab')).toBe(true);
    expect(re('a+b').match('aaabx')).toBe(false);
    expect(re('^ab$').match('ab')).toBe(true);
    expect(re('a{2,3}').match('aaa')).toBe(true);
    expect(re('a{2,3}').match('a')).toBe(false);
    expect(re('a{2,3}').match('aaaa')).toBe(false);
    expect(re('a{2}').match('aa')).toBe(true);
    expect(re('a{2,}').match('aaaaa')).toBe(true);
    expect(re('colou?r').match('color')).toBe(true);
    expect(re('x(ab)*y').match('xababy')).toBe(true);
  });

  it('search finds the first match and honours the start', () => {
    expect(re('[0-9]+').search('abc123def')).toEqual(span(3, 6));
    expect(re('cat|dog').search('hotdog')).toEqual(span(3, 6));
    expect(re('a').search('banana', 2)).toEqual(span(3, 4));
    expect(re('^n').search('banana', 2)).toEqual(span(2, 3));
    expect(re('^ab').search('xab')).toBe(null);
    expect(re('z').search('abc')).toBe(null);
    expect(re('a').search('abc', 10)).toBe(null);
    expect(re('a').search('abc', -1)).toBe(null);
  });

  it('search never matches in an empty subject or at its very end', () => {
    expect(re('a*').search('')).toBe(null);
    expect(re('$').search('abc')).toBe(null);
  });

  it('capture returns the whole match then each group', () => {
    expect(re('(\\w+)@(\\w+)\\.com').capture('mail me@host.com now')).toEqual([span(5, 16), span(5, 7), span(8, 12)]);
    expect(re('(a)|(b)').capture('b')).toEqual([span(0, 1), span(0, 0), span(0, 1)]);
    expect(re('(x*)y').capture('y')).toEqual([span(0, 1), span(0, 0)]);
    expect(re('(?:a)(b)').capture('ab')).toEqual([span(0, 2), span(1, 2)]);
    expect(re('(a)').capture('b')).toBe(null);
  });

  it('subexpcount counts the whole match', () => {
    expect(re('(a)(b(c))').subexpCount()).toBe(4);
    expect(re('(?:a)b').subexpCount()).toBe(1);
  });

  it('repetition stops as soon as the next node matches (no full backtracking)', () => {
    expect(re('a*ab').match('aaab')).toBe(false);
    expect(re('(.*)x').capture('abxcdx')).toEqual([span(0, 3), span(0, 2)]);
    expect(re('.*c').match('abcabc')).toBe(false);
    expect(re('.*c').search('abcabc')).toEqual(span(0, 3));
  });

  it('has no lazy quantifier: ? after * is a literal', () => {
    expect(re('a*?').match('aa?')).toBe(true);
    expect(re('a*?').match('aa')).toBe(false);
  });

  it('classes and escapes', () => {
    expect(re('[a-c]+').search('xxbcaz')).toEqual(span(2, 5));
    expect(re('[^0-9]+').search('12ab3')).toEqual(span(2, 4));
    expect(re('\\d+\\s\\w+').search('x 42 abc!')).toEqual(span(2, 8));
    expect(re('\\x+').search('zzBEEFzz')).toEqual(span(2, 6));
    expect(re('\\u\\l+').search('abc Hello')).toEqual(span(4, 9));
    expect(re('\\p+').search('ab.,;cd')).toEqual(span(2, 5));
    expect(re('[\\d_]+').search('ab1_2c')).toEqual(span(2, 5));
    expect(re('a\\.b').match('a.b')).toBe(true);
    expect(re('a\\.b').match('axb')).toBe(false);
    expect(re('\\t').match('\t')).toBe(true);
    expect(re('[\\n]').match('\n')).toBe(true);
  });

  it('\\b is a whitespace boundary', () => {
    expect(re('foo\\b').search('foo bar')).toEqual(span(0, 3));
    expect(re('foo\\b').search('foobar')).toBe(null);
    expect(re('foo\\B').search('foobar')).toEqual(span(0, 3));
  });

  it('works on bytes and stops at a NUL', () => {
    expect(re('a.c').match('abc\0zz')).toBe(true);
    expect(re('.').search('\xc3\xa9')).toEqual(span(0, 1));
    expect(re('ab.').match('ab')).toBe(false);
  });

  it('compile errors use sqstdrex texts', () => {
    expect(() => re('(ab')).toThrow('expected paren');
    expect(() => re('(?x)')).toThrow('expected paren');
    expect(() => re('[]')).toThrow('empty class');
    expect(() => re('[abc')).toThrow('letter expected');
    expect(() => re('a{x}')).toThrow('number expected');
    expect(() => re('a{2x')).toThrow(', or } expected');
    expect(() => re('')).toThrow('letter expected');
    expect(() => re('a|')).toThrow('letter expected');
    expect(() => re('a)')).toThrow('unexpected character');
    expect(() => re('a**')).toThrow('unexpected character');
    expect(() => re('[z-a]')).toThrow('invalid range');
    expect(() => re('a{12345678901}')).toThrow('overflow in numeric constant');
    expect(() => re('\xe9')).toThrow('letter expected');
  });
});

describe('regexp2 (RE2 on JS RegExp)', () => {
  const re2 = (p: string) => new SqRegex2(p);
  it('matches with leftmost-first and full backtracking', () => {
    expect(re2('a*ab').match('aaab')).toBe(true);
    expect(re2('a+').match('aaab')).toBe(false);
    expect(re2('(.*)x').capture('abxcdx')).toEqual([span(0, 6), span(0, 5)]);
    expect(re2('(.*?)x').capture('abxcdx')).toEqual([span(0, 3), span(0, 2)]);
    expect(re2('o').search('foo boo', 3)).toEqual(span(5, 6));
    expect(re2('(a)|(b)').capture('b')).toEqual([span(0, 1), span(0, 0), span(0, 1)]);
    expect(re2('(a)(b(c))').subexpCount()).toBe(4);
  });
  it('translates RE2-only syntax', () => {
    expect(re2('(?P<word>\\w+)').capture('  hi')).toEqual([span(2, 4), span(2, 4)]);
    expect(re2('\\Aab\\z').match('ab')).toBe(true);
    expect(re2('(?i)abc').match('ABC')).toBe(true);
    expect(re2('[[:digit:]]+').search('ab123')).toEqual(span(2, 5));
    expect(re2('\\Qa.b\\E').match('a.b')).toBe(true);
    expect(re2('\\Qa.b\\E').match('axb')).toBe(false);
    expect(re2('\\s').match('\v')).toBe(false);
    expect(re2('\\x{41}').match('A')).toBe(true);
  });
  it('refuses what RE2 refuses', () => {
    expect(() => re2('(a)\\1')).toThrow('invalid escape sequence: \\1');
    expect(() => re2('a(?=b)')).toThrow('invalid or unsupported Perl syntax');
    expect(() => re2('(ab')).toThrow('missing )');
    expect(() => re2('[ab')).toThrow('missing ]');
    expect(() => re2('ab\\')).toThrow('trailing \\');
    expect(() => re2('\\pL')).toThrow('invalid escape sequence');
    expect(() => re2('a**')).toThrow('invalid regular expression');
  });
});
