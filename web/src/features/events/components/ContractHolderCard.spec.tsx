import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { CUSTOMER_NAME_MAX } from '@lc/shared';
import { renderForm } from '../../../app/forms/formTestKit';
import { ContractHolderCard } from './ContractHolderCard';

afterEach(cleanup);

describe('ContractHolderCard', { timeout: 30_000 }, () => {
  it('says next to the name that it is too long (characters as people count them), and saves only a changed, valid name', async () => {
    const f = renderForm(<ContractHolderCard />, { lang: 'en', user: { name: 'Aoba Bakery' } });
    await f.click('Change name');
    expect(f.button('Apply').disabled).toBe(true); // unchanged
    f.type('name', '😀'.repeat(CUSTOMER_NAME_MAX)); // 2 × max UTF-16 units, max characters
    expect(f.text()).not.toContain('At most');
    expect(f.button('Apply').disabled).toBe(false);
    f.type('name', 'x'.repeat(CUSTOMER_NAME_MAX + 1));
    expect(f.text()).toContain(`At most ${CUSTOMER_NAME_MAX} characters (now ${CUSTOMER_NAME_MAX + 1})`);
    expect(f.button('Apply').disabled).toBe(true);
    f.type('name', '   ');
    expect(f.button('Apply').disabled).toBe(true);
  });
});
