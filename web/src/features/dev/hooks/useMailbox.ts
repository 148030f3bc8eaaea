import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listMail } from '../../../api/dev';

export const MAILBOX_KEY = ['dev', 'mailbox'] as const;

/** Captured e-mails (`GET /api/dev/mailbox?to=`), newest first. */
export function useMailbox(to: string) {
  return useQuery({
    queryKey: [...MAILBOX_KEY, to],
    queryFn: ({ signal }) => listMail(to, signal),
    select: (mails) => [...mails].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}
