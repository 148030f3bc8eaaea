import { describe, expect, it } from 'vitest';
import { draftProblems, type AnnouncementDraft } from './announcementForm';

const ok: AnnouncementDraft = {
  titleJa: 'お知らせ',
  titleEn: 'Notice',
  bodyJa: '本文',
  bodyEn: 'Body',
  audience: 'all',
  publishAt: '',
};

describe('draftProblems', () => {
  const cases: Array<[string, Partial<AnnouncementDraft>, Record<string, string>]> = [
    ['a complete draft', {}, {}],
    ['a blank English title', { titleEn: '  ' }, { titleEn: 'required' }],
    ['a title too long', { titleJa: 'あ'.repeat(101) }, { titleJa: 'tooLong' }],
    ['a body too long', { bodyEn: 'x'.repeat(5001) }, { bodyEn: 'tooLong' }],
    ['a bad publish time', { publishAt: 'soon' }, { publishAt: 'badTime' }],
    ['a publish time', { publishAt: '2027-01-01T09:00' }, {}],
  ];
  it.each(cases)('%s', (_l, patch, expected) => {
    expect(draftProblems({ ...ok, ...patch })).toEqual(expected);
  });
});
