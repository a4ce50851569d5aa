import { describe, expect, it } from 'vitest';
import { dateIn, isDocumentType, isOverdue, visibleTo } from './followup.ts';

describe('isOverdue', () => {
  it('is overdue only when open or in progress past its due date', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-01' }, '2026-11-02')).toBe(true);
    expect(isOverdue({ status: 'in-progress', dueOn: '2026-11-01' }, '2026-11-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-11-02' }, '2026-11-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-11-01' }, '2026-11-02')).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: '2026-11-01' }, '2026-11-02')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, '2026-11-02')).toBe(false);
  });
});

describe('dateIn', () => {
  it('gives the date in the zone, not in UTC', () => {
    const lateEvening = new Date('2026-11-22T23:30:00Z');
    expect(dateIn('UTC', lateEvening)).toBe('2026-11-22');
    expect(dateIn('Asia/Amman', lateEvening)).toBe('2026-11-23');
  });
});

describe('documents and visibility', () => {
  it('accepts PDF, DOCX, XLSX and images only', () => {
    expect(isDocumentType('application/pdf')).toBe(true);
    expect(isDocumentType('image/png')).toBe(true);
    expect(isDocumentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true);
    expect(isDocumentType('text/html')).toBe(false);
    expect(isDocumentType('application/x-msdownload')).toBe(false);
  });
  it('shows managers everything and others the public items', () => {
    const items = [
      { isPublic: true, id: 1 },
      { isPublic: false, id: 2 },
    ];
    expect(visibleTo(items, true).map((i) => i.id)).toEqual([1, 2]);
    expect(visibleTo(items, false).map((i) => i.id)).toEqual([1]);
  });
});
