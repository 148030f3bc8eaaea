import { useContext } from 'react';
import { I18nContext, type I18nState } from './I18nContext';

export function useLang(): I18nState {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useLang must be used inside <I18nProvider>');
  return ctx;
}
