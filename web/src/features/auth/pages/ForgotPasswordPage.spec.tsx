import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { ForgotPasswordPage } from './ForgotPasswordPage';

afterEach(cleanup);

describe('ForgotPasswordPage', { timeout: 30_000 }, () => {
  it('says next to the e-mail field that the address is malformed, and sends only a well-formed one', () => {
    const f = renderForm(<ForgotPasswordPage />, { lang: 'ja' });
    expect(f.submit().disabled).toBe(true);
    f.type('email', 'someone example.com');
    expect(f.text()).toContain('メールアドレスの形式で入力してください');
    expect(f.submit().disabled).toBe(true);
    f.type('email', 'someone@example.com');
    expect(f.text()).not.toContain('メールアドレスの形式で入力してください');
    expect(f.submit().disabled).toBe(false);
  });
});
