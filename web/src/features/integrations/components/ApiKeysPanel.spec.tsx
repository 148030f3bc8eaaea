import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { ApiKeysPanel } from './ApiKeysPanel';

afterEach(cleanup);

describe('ApiKeysPanel', { timeout: 30_000 }, () => {
  it('says the limit instead of cutting the key name, and blocks saving', () => {
    const f = renderForm(<ApiKeysPanel isOwner />);
    fireEvent.click(f.button('Create key'));
    f.type('name', 'k'.repeat(65));
    expect(f.field('name').value).toHaveLength(65);
    expect(f.text()).toContain('At most 64 characters (now 65).');
    expect(f.button('Save').disabled).toBe(true);
    f.type('name', 'CRM sync');
    expect(f.button('Save').disabled).toBe(false);
  });
});
