import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ChangeDiffTable } from './ChangeDiffTable';

afterEach(cleanup);

describe('ChangeDiffTable', () => {
  it('lists each changed field with its value before and after, the new value emphasised', () => {
    render(
      <ChangeDiffTable
        data-testid="diff"
        intro="Check the change."
        beforeLabel="Before"
        afterLabel="After"
        rows={[
          { key: 'phone', label: 'Phone', before: '03-0000-0000', after: '03-1111-1111' },
          { key: 'emails', label: 'E-mails', before: 'a@x.example', after: 'a@x.example\nb@x.example' },
        ]}
      />,
    );
    expect(screen.getByText('Check the change.')).toBeTruthy();
    const rows = within(screen.getByTestId('diff')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'BeforeAfter',
      'Phone03-0000-000003-1111-1111',
      'E-mailsa@x.examplea@x.example\nb@x.example',
    ]);
  });

  it('shows only the header when nothing changed', () => {
    render(<ChangeDiffTable data-testid="diff" intro="" beforeLabel="B" afterLabel="A" rows={[]} />);
    expect(within(screen.getByTestId('diff')).getAllByRole('row')).toHaveLength(1);
  });
});
