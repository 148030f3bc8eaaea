import { emailProblem, phoneProblem, type FieldProblem } from '@lc/shared';

/** The maintenance-contacts form being edited (trimmed before checking). */
export interface ContactsDraft {
  emails: string[];
  phone: string;
}

/** A problem of one address: a field rule (`shared/src/fields.ts`) or an earlier row's duplicate. */
export type EmailProblem = FieldProblem | { kind: 'duplicate' } | null;

/**
 * Problems of a draft, per field, as the user types (the server checks the same again). A blank
 * address row is no problem (blank rows are dropped on save); the phone is required.
 */
export function contactsProblems(d: ContactsDraft): { emails: EmailProblem[]; phone: FieldProblem | null } {
  const seen = new Set<string>();
  const emails = d.emails.map((raw): EmailProblem => {
    const problem = emailProblem(raw, false);
    if (problem) return problem;
    const e = raw.trim().toLowerCase();
    if (e === '') return null;
    if (seen.has(e)) return { kind: 'duplicate' };
    seen.add(e);
    return null;
  });
  return { emails, phone: phoneProblem(d.phone) };
}
