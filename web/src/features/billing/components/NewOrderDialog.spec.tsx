import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { NewOrderDialog } from './NewOrderDialog';

afterEach(cleanup);

const dialog = (
  <NewOrderDialog
    initialLines={[{ skuCode: 'EDGE-12M', quantity: 1 }]}
    onClose={() => undefined}
    onCreated={() => undefined}
  />
);
const sku = {
  code: 'EDGE-12M',
  name: { ja: 'エッジ 12か月', en: 'Edge 12 months' },
  kind: 'edge',
  termMonths: 12,
  unitPrice: 12000,
  active: true,
};

describe('NewOrderDialog', { timeout: 30_000 }, () => {
  it('says next to the quantity what is wrong: not a whole number, or out of range', () => {
    const f = renderForm(dialog, { routes: { '/skus': [sku] } });
    f.type('quantity-0', '1.5');
    expect(f.text()).toContain('Enter a whole number in half-width digits (0–9).');
    expect(f.button('Place order').disabled).toBe(true);
    f.type('quantity-0', '0');
    expect(f.text()).toMatch(/Enter a number from 1 to [\d,]+\./);
    expect(f.button('Place order').disabled).toBe(true);
    f.type('quantity-0', '3');
    expect(f.text()).not.toMatch(/Enter a (whole )?number/);
  });

  it('speaks Japanese', () => {
    const f = renderForm(dialog, { lang: 'ja', routes: { '/skus': [sku] } });
    f.type('quantity-0', '３');
    expect(f.text()).toContain('半角数字');
  });
});
