/** The maintenance-contacts form being edited (trimmed before checking). */
export interface ContactsDraft {
  emails: string[];
  phone: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The server's phone rule (api/src/accounts/validators.ts PHONE_PATTERN). */
const PHONE = /^\+?[0-9][0-9 ()-]{5,30}$/;

export type EmailProblem = 'invalid' | 'duplicate' | null;

/** Problems of a draft, per field, as the user types (the server checks the same again). */
export function contactsProblems(d: ContactsDraft): { emails: EmailProblem[]; phone: boolean } {
  const seen = new Set<string>();
  const emails = d.emails.map((raw): EmailProblem => {
    const e = raw.trim().toLowerCase();
    if (!EMAIL.test(e)) return 'invalid';
    if (seen.has(e)) return 'duplicate';
    seen.add(e);
    return null;
  });
  return { emails, phone: !PHONE.test(d.phone.trim()) };
}
