import { describe, expect, it } from 'vitest';
import { highlightMatches } from './highlight.ts';

const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('highlightMatches', () => {
  it('marks the words a term starts, keeping the original text', () => {
    const segments = highlightMatches('Batna Jewellery Cluster', 'jewel');
    expect(segments).toEqual([
      { text: 'Batna ', match: false },
      { text: 'Jewellery', match: true },
      { text: ' Cluster', match: false },
    ]);
  });

  it('matches through accents and case', () => {
    expect(marked(highlightMatches('Trésors de Bethléem', 'BETHLEEM tresor'))).toEqual(['Trésors', 'Bethléem']);
  });

  it('matches Arabic with harakat and the article, highlighting the whole written word', () => {
    const text = 'عنقود الفُسَيْفِسَاء في الجم';
    const segments = highlightMatches(text, 'فسيفساء');
    expect(marked(segments)).toEqual(['الفُسَيْفِسَاء']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('matches an Arabic query written with the article against a word written without it', () => {
    expect(marked(highlightMatches('مجوهرات باتنة', 'المجوهرات'))).toEqual(['مجوهرات']);
  });

  it('includes trailing tatweel and diacritics in the highlighted word', () => {
    expect(marked(highlightMatches('حلــيٌّ ذهبية', 'حلي'))).toEqual(['حلــيٌّ']);
  });

  it('accepts lexemes (stems, typo corrections) instead of a query', () => {
    expect(marked(highlightMatches('Bethlehem Treasures', ['bethlehem']))).toEqual(['Bethlehem']);
  });

  it('does not match inside a word, nor one-letter terms', () => {
    expect(marked(highlightMatches('Cluster des bijoutiers', 'outiers'))).toEqual([]);
    expect(highlightMatches('a b c', 'a')).toEqual([{ text: 'a b c', match: false }]);
  });

  it('returns nothing for an empty text', () => {
    expect(highlightMatches('', 'batna')).toEqual([]);
  });
});
