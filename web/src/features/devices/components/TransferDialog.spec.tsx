import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { testCamera } from '../testCamera';
import { TransferDialog } from './TransferDialog';

afterEach(cleanup);

describe('TransferDialog', { timeout: 30_000 }, () => {
  it('says the limit instead of cutting the reason', () => {
    const f = renderForm(
      <TransferDialog open camera={testCamera()} onClose={() => undefined} onDone={() => undefined} />,
      { lang: 'ja' },
    );
    f.type('reason', 'r'.repeat(501));
    expect(f.field('reason').value).toHaveLength(501);
    expect(f.text()).toContain('500文字以内で入力してください（現在501文字）。');
  });
});
