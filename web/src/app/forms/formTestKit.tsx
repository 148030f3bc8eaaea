import type { ReactElement } from 'react';
import { expect, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import type { SessionUser } from '@lc/shared';
import { SessionContext, type SessionState } from '../../features/auth/sessionContext';
import { I18nProvider } from '../i18n/I18nProvider';

const anonymous: SessionState = {
  status: 'anonymous',
  user: null,
  error: null,
  retry: () => undefined,
  signIn: () => undefined,
  signOut: async () => undefined,
};

/**
 * For form specs: renders a form with query client, session (signed out, or signed in as `user`), router and language, answers every GET with
 * `routes[path]` (path without `/api`; `[]` when not listed), and types like a user (change, then
 * leave the field). Only for `*.spec.tsx`.
 */
export function renderForm(
  ui: ReactElement,
  {
    lang = 'en',
    routes = {},
    user,
  }: { lang?: 'en' | 'ja'; routes?: Record<string, unknown>; user?: Partial<SessionUser> } = {},
) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://localhost').pathname.replace(/^\/api/, '');
      return new Response(JSON.stringify(routes[path] ?? []), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SessionContext.Provider
        value={user ? { ...anonymous, status: 'authenticated', user: user as SessionUser } : anonymous}
      >
        <MemoryRouter>
          <I18nProvider initial={lang}>{ui}</I18nProvider>
        </MemoryRouter>
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
  const field = (name: string) =>
    document.querySelector(`input[name="${name}"], textarea[name="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    fireEvent.change(field(name), { target: { value } });
    fireEvent.blur(field(name));
  };
  /** A button by its exact label (text queries: role queries are slow on MUI trees). */
  const button = (label: string) => screen.getByText(label, { selector: 'button' }) as HTMLButtonElement;
  /** Waits until the button with this label is there and enabled, then clicks it. */
  const click = async (label: string) => {
    await waitFor(() => expect(button(label).disabled).toBe(false));
    fireEvent.click(button(label));
  };
  /** The form's submit button. */
  const submit = () => document.querySelector('button[type="submit"]') as HTMLButtonElement;
  const text = () => document.body.textContent ?? '';
  return { field, type, button, click, submit, text };
}
