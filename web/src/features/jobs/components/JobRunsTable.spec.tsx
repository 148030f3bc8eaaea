import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { JobRunView } from '@lc/shared';
import { I18nProvider } from '../../../app/i18n/I18nProvider';
import { SessionContext, type SessionState } from '../../auth/sessionContext';
import { JobRunsTable } from './JobRunsTable';

afterEach(cleanup);

const session: SessionState = {
  status: 'anonymous',
  user: null,
  error: null,
  retry: () => undefined,
  signIn: () => undefined,
  signOut: async () => undefined,
};

const abandoned: JobRunView = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'expiry-sweep',
  slot: '2026-11-30T10:00:00.000Z',
  trigger: 'schedule',
  startedAt: '2026-11-30T10:00:00.000Z',
  finishedAt: '2026-11-30T10:00:30.000Z',
  outcome: 'abandoned',
  counts: {},
  error: 'the process running it stopped (killed or crashed) before it finished',
};

describe('JobRunsTable', () => {
  it.each([
    ['en', 'Abandoned (process stopped)', /stopped \(killed or crashed\) before it finished/],
    ['ja', '中断（プロセス停止）', /完了前に停止しました/],
  ] as const)('shows a run of a dead process as abandoned, in words (%s)', (lang, label, hint) => {
    const { getByText, queryByText } = render(
      <SessionContext.Provider value={session}>
        <I18nProvider initial={lang}>
          <JobRunsTable runs={[abandoned]} />
        </I18nProvider>
      </SessionContext.Provider>,
    );
    expect(getByText(label)).toBeTruthy();
    expect(getByText(hint)).toBeTruthy();
    // The internal English reason is not shown raw.
    expect(queryByText(abandoned.error!)).toBeNull();
  });
});
