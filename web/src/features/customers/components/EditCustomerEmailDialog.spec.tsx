import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { EditCustomerEmailDialog } from './EditCustomerEmailDialog';

afterEach(cleanup);

describe('EditCustomerEmailDialog', { timeout: 30_000 }, () => {
  it('says next to the field that the address is malformed', () => {
    const f = renderForm(
      <EditCustomerEmailDialog
        open
        customerId="c1"
        email="old@example.com"
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
      { lang: 'ja' },
    );
    f.type('email', 'new example.com');
    expect(f.text()).toContain('メールアドレスの形式で入力してください');
    expect(f.submit().disabled).toBe(true);
    f.type('email', 'new@example.com');
    expect(f.submit().disabled).toBe(false);
  });
});
