import { describe, expect, it } from 'vitest';
import { splitLinks } from './text-links.ts';

describe('splitLinks', () => {
  it('finds web addresses between text, with their query strings', () => {
    expect(splitLinks('Open:\nhttps://mosaic.example.org/ar/account/verify-email?token=a.b_c-d&x=1\n\n-- \nTeam')).toEqual([
      { kind: 'text', text: 'Open:\n' },
      { kind: 'link', url: 'https://mosaic.example.org/ar/account/verify-email?token=a.b_c-d&x=1' },
      { kind: 'text', text: '\n\n-- \nTeam' },
    ]);
  });

  it('leaves sentence punctuation and closing brackets out of the address', () => {
    expect(splitLinks('See http://localhost:3000/fr/. Or (https://a.example/x), then «https://b.example».')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', url: 'http://localhost:3000/fr/' },
      { kind: 'text', text: '. Or (' },
      { kind: 'link', url: 'https://a.example/x' },
      { kind: 'text', text: '), then «' },
      { kind: 'link', url: 'https://b.example' },
      { kind: 'text', text: '».' },
    ]);
  });

  it('does not link other schemes and keeps text without addresses whole', () => {
    expect(splitLinks('javascript:alert(1) ftp://x mailto:a@b')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) ftp://x mailto:a@b' },
    ]);
    expect(splitLinks('')).toEqual([]);
  });

  it('handles Arabic text around an address', () => {
    expect(splitLinks('افتح موزاييك:\nhttps://m.example/ar/\nشكرًا')).toEqual([
      { kind: 'text', text: 'افتح موزاييك:\n' },
      { kind: 'link', url: 'https://m.example/ar/' },
      { kind: 'text', text: '\nشكرًا' },
    ]);
  });
});
