import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { MaintenanceContactsPage } from './MaintenanceContactsPage';

afterEach(cleanup);

const contacts = { emails: ['ops@dealer.example.com'], phone: '03-1234-5678' };

describe('MaintenanceContactsPage', { timeout: 30_000 }, () => {
  it('says next to each field what is wrong: phone, malformed address, duplicate', async () => {
    const f = renderForm(<MaintenanceContactsPage />, {
      routes: { '/dealers/me/maintenance-contacts': contacts },
    });
    fireEvent.click(await screen.findByText('Edit', { selector: 'button' }));
    f.type('phone', '03-1234-567x');
    expect(f.text()).toContain('Enter a phone number');
    f.type('email-0', 'ops@dealer');
    expect(f.text()).toContain('Enter an e-mail address such as name@example.com.');
    expect(f.button('Next').disabled).toBe(true);
    f.type('phone', '03-1234-0000');
    f.type('email-0', 'ops@dealer.example.com');
    expect(f.text()).not.toMatch(/Enter a phone|Enter an e-mail/);
    expect(f.button('Next').disabled).toBe(false);
  });
});
