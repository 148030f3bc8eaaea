import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { ChangeEmailCard } from './ChangeEmailCard';

afterEach(cleanup);

describe('ChangeEmailCard', { timeout: 30_000 }, () => {
  it('says next to the field that the new address is malformed and waits', () => {
    const f = renderForm(<ChangeEmailCard />);
    fireEvent.click(f.button('Change e-mail'));
    f.type('password', 'Demo!2026pass');
    f.type('newEmail', 'me@example');
    expect(f.text()).toContain('Enter an e-mail address such as name@example.com.');
    expect(f.submit().disabled).toBe(true);
    f.type('newEmail', 'me@example.com');
    expect(f.text()).not.toContain('Enter an e-mail address');
    expect(f.submit().disabled).toBe(false);
  });
});
