import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { NO_SHARED_PERMISSIONS } from '@lc/shared';
import { renderForm } from '../../../app/forms/formTestKit';
import { SharedUserDialog } from './SharedUserDialog';

afterEach(cleanup);

describe('SharedUserDialog', { timeout: 30_000 }, () => {
  it('invite: says next to the field that the e-mail is malformed and the name too long', () => {
    const f = renderForm(<SharedUserDialog onClose={() => undefined} onDone={() => undefined} />);
    f.type('name', 'n'.repeat(33));
    f.type('email', 'guest@@example.com');
    expect(f.text()).toContain('At most 32 characters (now 33).');
    expect(f.text()).toContain('Enter an e-mail address such as name@example.com.');
    expect(f.field('name').value).toHaveLength(33);
    expect(f.submit().disabled).toBe(true);
    f.type('name', 'Guard');
    f.type('email', 'guard@example.com');
    expect(f.submit().disabled).toBe(false);
  });

  it('edit: checks the name', () => {
    const user = {
      id: 'u1',
      name: 'Guard',
      email: 'guard@example.com',
      status: 'active',
      permissions: NO_SHARED_PERMISSIONS,
      cameraIds: [],
    };
    const f = renderForm(
      <SharedUserDialog
        user={user as unknown as Parameters<typeof SharedUserDialog>[0]['user']}
        onClose={() => undefined}
        onDone={() => undefined}
      />,
      { lang: 'ja' },
    );
    f.type('name', 'あ'.repeat(33));
    expect(f.text()).toContain('32文字以内で入力してください（現在33文字）。');
    expect(f.submit().disabled).toBe(true);
  });
});
