/**
 * One Japanese term per concept, the same in the console and in the e-mails (issue 14 §2.8):
 * `use` is the chosen word, `not` the alternates that must not appear in ja text.
 */
export const JA_TERMS = [
  { concept: 'order', use: '発注', not: ['注文', 'オーダー'] },
  { concept: 'device', use: '機器', not: ['デバイス', '端末'] },
  { concept: 'assign', use: '割り当て', not: ['割当て', '割当', '割付', 'アサイン'] },
] as const;

/** The rejected alternates found in a text, with the term to use instead. */
export function rejectedTerms(text: string): Array<{ found: string; use: string }> {
  return JA_TERMS.flatMap((term) =>
    term.not.filter((alt) => text.includes(alt)).map((found) => ({ found, use: term.use })),
  );
}
