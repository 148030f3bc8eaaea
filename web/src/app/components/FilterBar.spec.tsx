import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../i18n/I18nProvider';
import { FilterBar } from './FilterBar';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A screen as narrow as a phone (every `max-width` query matches) or as wide as a desktop. */
function screenWidth(narrow: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: narrow && query.includes('max-width'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    onchange: null,
    dispatchEvent: () => false,
  }));
}

function renderBar(activeCount: number, lang: 'en' | 'ja' = 'en') {
  render(
    <I18nProvider initial={lang}>
      <FilterBar activeCount={activeCount}>
        <input aria-label="Status" />
      </FilterBar>
    </I18nProvider>,
  );
}

describe('FilterBar', { timeout: 30_000 }, () => {
  it('shows the filters in a row on a wide screen, with no button', () => {
    screenWidth(false);
    renderBar(1);
    expect(screen.getByLabelText('Status')).toBeTruthy();
    expect(screen.queryByTestId('filters-toggle')).toBeNull();
  });

  it('hides the filters behind a "Filters" button on a phone, with the number set', () => {
    screenWidth(true);
    renderBar(2);
    expect(screen.queryByLabelText('Status')).toBeNull();
    const toggle = screen.getByTestId('filters-toggle');
    expect(toggle.textContent).toBe('Filters (2)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText('Status')).toBeTruthy();
  });

  it('speaks Japanese', () => {
    screenWidth(true);
    renderBar(0, 'ja');
    expect(screen.getByTestId('filters-toggle').textContent).toBe('絞り込み');
  });
});
