import { useCallback, useState } from 'react';
import type { FieldProblem } from '@lc/shared';
import { useT } from '../i18n/useT';
import { fieldProblemText } from './fieldProblemText';

/**
 * When to show a field's problem next to it: "too long" at once (the text is kept, never cut),
 * a malformed value once the user has left the field, a blank required field never (the field is
 * marked required and the submit button waits).
 */
export function useFieldChecks() {
  const t = useT();
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const shown = useCallback(
    (name: string, problem: FieldProblem | null): FieldProblem | null => {
      if (!problem || problem.kind === 'required') return null;
      return problem.kind === 'tooLong' || left.has(name) ? problem : null;
    },
    [left],
  );
  /** `error` and `helperText` for a TextField; a server message for the field wins. */
  const props = (name: string, problem: FieldProblem | null, serverMessage?: string) => {
    const p = shown(name, problem);
    return {
      error: serverMessage !== undefined || p !== null,
      helperText: serverMessage ?? fieldProblemText(t, p),
      onBlur: () => setLeft((s) => (s.has(name) ? s : new Set(s).add(name))),
    };
  };
  const reset = () => setLeft(new Set());
  return { props, reset };
}
