import type { FieldProblem } from '@lc/shared';
import type { TFunction } from '../i18n/useT';

/** What is wrong with a field, in words, for its helper text (next to the field). */
export function fieldProblemText(t: TFunction, problem: FieldProblem | null): string | undefined {
  if (!problem) return undefined;
  switch (problem.kind) {
    case 'required':
      return t('form.required');
    case 'tooLong':
      return t('form.tooLong', { max: problem.max, length: problem.length });
    case 'email':
      return t('form.email');
    case 'phone':
      return t('form.phone');
    case 'wholeNumber':
      return t('form.wholeNumber');
    case 'range':
      return t('form.range', { min: problem.min, max: problem.max });
  }
}
