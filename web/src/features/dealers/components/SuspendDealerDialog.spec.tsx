import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ErrorCode } from '@lc/shared';
import { ApiError } from '../../../api/ApiError';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { SuspendDealerDialog } from './SuspendDealerDialog';

afterEach(cleanup);

function renderDialog(lang: 'en' | 'ja' = 'en', error?: unknown) {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  render(
    <I18nProvider initial={lang}>
      <SuspendDealerDialog
        open
        dealerName="Sakura Security"
        error={error}
        onConfirm={onConfirm}
        onClose={onClose}
      />
    </I18nProvider>,
  );
  const reason = () => screen.getByTestId('suspend-reason') as HTMLTextAreaElement;
  const ok = () => screen.getByTestId('confirm-dialog-ok') as HTMLButtonElement;
  return { onConfirm, onClose, reason, ok };
}

describe('SuspendDealerDialog', () => {
  it('names the dealer and says what stops and what keeps running', () => {
    renderDialog();
    const body = document.body.textContent ?? '';
    expect(body).toContain('Suspend Sakura Security?');
    expect(body).toContain('its members cannot sign in');
    expect(body).toContain('proxy sessions they opened end now');
    expect(body).toContain('its API keys stop working');
    expect(body).toContain('Its customers keep their service and their licenses keep running');
  }, 30_000);

  it('suspends with the trimmed reason, or with none', () => {
    const first = renderDialog();
    fireEvent.click(first.ok());
    expect(first.onConfirm).toHaveBeenCalledWith(undefined);
    cleanup();
    const second = renderDialog();
    fireEvent.change(second.reason(), { target: { value: '  Invoices unpaid  ' } });
    fireEvent.click(second.ok());
    expect(second.onConfirm).toHaveBeenCalledWith('Invoices unpaid');
  }, 30_000);

  it('says the limit next to a too long reason and waits', () => {
    const { reason, ok, onConfirm } = renderDialog();
    fireEvent.change(reason(), { target: { value: 'x'.repeat(501) } });
    expect(document.body.textContent).toContain('At most 500 characters (now 501).');
    expect(reason().value).toHaveLength(501);
    expect(ok().disabled).toBe(true);
    fireEvent.click(ok());
    expect(onConfirm).not.toHaveBeenCalled();
  }, 30_000);

  it('shows a refusal in words, and speaks Japanese', () => {
    const refused = new ApiError(403, {
      statusCode: 403,
      code: ErrorCode.FORBIDDEN,
      message: 'This route is not for the dealer role',
    });
    renderDialog('ja', refused);
    const body = document.body.textContent ?? '';
    expect(body).toContain('Sakura Securityを利用停止しますか？');
    expect(body).toContain('顧客のサービスは継続し');
    expect(screen.getByRole('alert').textContent).toContain('この操作は許可されていません。');
  }, 30_000);
});
