import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { InviteMemberDialog } from './InviteMemberDialog';

afterEach(cleanup);

const dialog = <InviteMemberDialog open onClose={() => undefined} onInvited={() => undefined} />;

describe('InviteMemberDialog', { timeout: 30_000 }, () => {
  it('says next to the field that the e-mail is malformed and the name too long', () => {
    const f = renderForm(dialog);
    f.type('name', 'n'.repeat(65));
    f.type('email', 'sato@example');
    expect(f.text()).toContain('At most 64 characters (now 65).');
    expect(f.text()).toContain('Enter an e-mail address such as name@example.com.');
    expect(f.submit().disabled).toBe(true);
  });

  it('accepts good values quietly', () => {
    const f = renderForm(dialog);
    f.type('name', 'Sato Hanako');
    f.type('email', 'sato@dealer.example.com');
    expect(f.text()).not.toMatch(/At most|Enter an e-mail/);
    expect(f.submit().disabled).toBe(false);
  });

  it('speaks Japanese', () => {
    const f = renderForm(dialog, { lang: 'ja' });
    f.type('email', 'sato example.com');
    expect(f.text()).toContain('メールアドレスの形式で入力してください');
  });
});
