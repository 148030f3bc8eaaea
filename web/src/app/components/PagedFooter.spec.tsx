import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { I18nProvider } from '../i18n/I18nProvider';
import { PagedFooter } from './PagedFooter';

afterEach(cleanup);

function renderFooter(lang: 'en' | 'ja') {
  return render(
    <I18nProvider initial={lang}>
      <PagedFooter count={4} page={0} pageSize={20} onPageChange={() => {}} onPageSizeChange={() => {}} />
    </I18nProvider>,
  );
}

describe('PagedFooter', () => {
  it('reads "1–4 of 4" in English', () => {
    const { getByText, getByLabelText } = renderFooter('en');
    expect(getByText('1–4 of 4')).toBeTruthy();
    expect(getByText('Rows per page', { exact: false })).toBeTruthy();
    expect(getByLabelText('Go to next page')).toBeTruthy();
  });

  it('reads "1–4 / 4件" in Japanese, with Japanese page buttons', () => {
    const { getByText, getByLabelText, queryByText } = renderFooter('ja');
    expect(getByText('1–4 / 4件')).toBeTruthy();
    expect(getByText('表示件数', { exact: false })).toBeTruthy();
    expect(getByLabelText('次のページへ')).toBeTruthy();
    expect(getByLabelText('前のページへ')).toBeTruthy();
    expect(queryByText(/ of /)).toBeNull();
  });
});
