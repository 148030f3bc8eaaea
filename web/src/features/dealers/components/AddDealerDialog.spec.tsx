import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { AddDealerDialog } from './AddDealerDialog';

afterEach(cleanup);

function renderDialog(lang: 'en' | 'ja' = 'en') {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider initial={lang}>
        <AddDealerDialog open tier="primary" onClose={() => undefined} onCreated={() => undefined} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  const field = (name: string) => document.querySelector(`input[name="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    fireEvent.change(field(name), { target: { value } });
    fireEvent.blur(field(name));
  };
  return { field, type };
}

describe('AddDealerDialog', () => {
  it('says next to the field that the e-mail or the phone is malformed, and the name too long', () => {
    const { type, field } = renderDialog();
    type('loginId', 'sakura');
    type('companyName', 'x'.repeat(101));
    type('email', 'sakura@example');
    type('phone', '03-1234-567x');
    const body = document.body.textContent ?? '';
    expect(body).toContain('At most 100 characters (now 101).');
    expect(body).toContain('Enter an e-mail address such as name@example.com.');
    expect(body).toContain('Enter a phone number');
    expect(field('companyName').value).toHaveLength(101);
    const submit = document.querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
  }, 30_000);

  it('accepts good values quietly', () => {
    const { type } = renderDialog();
    type('loginId', 'sakura');
    type('companyName', 'Sakura Security');
    type('email', 'owner@sakura.example.com');
    type('phone', '03-1234-5678');
    expect(screen.queryByText(/Enter an e-mail|Enter a phone|At most/)).toBeNull();
    const submit = document.querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
  }, 30_000);

  it('speaks Japanese', () => {
    const { type } = renderDialog('ja');
    type('email', 'a b@example.com');
    expect(document.body.textContent).toContain('メールアドレスの形式で入力してください');
  }, 30_000);
});
