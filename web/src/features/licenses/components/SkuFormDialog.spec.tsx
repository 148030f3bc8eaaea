import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { SkuFormDialog } from './SkuFormDialog';

afterEach(cleanup);

function renderDialog(lang: 'en' | 'ja' = 'en') {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider initial={lang}>
        <SkuFormDialog onClose={() => undefined} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  const field = (name: string) => document.querySelector(`input[name="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
  return { field, type };
}

describe('SkuFormDialog', () => {
  it('says next to the field what is wrong with a price, the term and a too long name', () => {
    const { type } = renderDialog();
    type('primary', '12.5');
    type('termMonths', '200');
    type('nameEn', 'x'.repeat(201));
    const body = document.body.textContent ?? '';
    expect(body).toContain('Enter a whole number in half-width digits (0–9).');
    expect(body).toContain('Enter a number from 1 to 120.');
    expect(body).toContain('At most 200 characters (now 201).');
  }, 30_000);

  it('keeps a full name (no silent cut) and stays quiet for valid values', () => {
    const { type, field } = renderDialog();
    type('primary', '12000');
    type('termMonths', '12');
    type('nameEn', 'x'.repeat(201));
    expect(field('nameEn').value).toHaveLength(201);
    const body = document.body.textContent ?? '';
    expect(body).not.toContain('Enter a whole number');
    expect(body).not.toContain('Enter a number from');
  }, 30_000);

  it('marks a code the API refuses: it must start with a letter or digit (shared SKU_CODE_PATTERN)', () => {
    const { type, field } = renderDialog();
    type('code', '-EDGE');
    expect(field('code').getAttribute('aria-invalid')).toBe('true');
    type('code', 'EDGE-12M');
    expect(field('code').getAttribute('aria-invalid')).toBe('false');
  }, 30_000);

  it('speaks Japanese', () => {
    const { type } = renderDialog('ja');
    type('secondary', 'abc');
    expect(document.body.textContent).toContain('半角数字（0–9）の整数で入力してください。');
  }, 30_000);
});
