import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { OpenProxyDialog } from './OpenProxyDialog';

afterEach(cleanup);

describe('OpenProxyDialog', { timeout: 30_000 }, () => {
  it('says the limit instead of cutting the reason, and blocks opening', () => {
    const f = renderForm(
      <OpenProxyDialog open customerId="c1" customerName="Sakura Mart" onClose={() => undefined} />,
    );
    f.type('reason', 'r'.repeat(501));
    expect(f.field('reason').value).toHaveLength(501);
    expect(f.text()).toContain('At most 500 characters (now 501).');
    expect(f.submit().disabled).toBe(true);
    f.type('reason', 'Customer asked for help with camera 3');
    expect(f.submit().disabled).toBe(false);
  });
});
