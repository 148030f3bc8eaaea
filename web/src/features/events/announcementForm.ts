import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX, type AnnouncementAudience } from '@lc/shared';

export interface AnnouncementDraft {
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  audience: AnnouncementAudience;
  /** `datetime-local` value, '' = now. */
  publishAt: string;
}

export type DraftField = keyof AnnouncementDraft;
export type DraftProblem = 'required' | 'tooLong' | 'badTime';

/** Field → problem (the API's rules: every text required; titles ≤ 100, bodies ≤ 5000). */
export function draftProblems(d: AnnouncementDraft): Partial<Record<DraftField, DraftProblem>> {
  const out: Partial<Record<DraftField, DraftProblem>> = {};
  const text = (f: DraftField, max: number) => {
    const v = String(d[f]).trim();
    if (!v) out[f] = 'required';
    else if (v.length > max) out[f] = 'tooLong';
  };
  text('titleJa', ANNOUNCEMENT_TITLE_MAX);
  text('titleEn', ANNOUNCEMENT_TITLE_MAX);
  text('bodyJa', ANNOUNCEMENT_BODY_MAX);
  text('bodyEn', ANNOUNCEMENT_BODY_MAX);
  if (d.publishAt && Number.isNaN(new Date(d.publishAt).getTime())) out.publishAt = 'badTime';
  return out;
}
