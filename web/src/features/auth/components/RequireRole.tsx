import type { ReactNode } from 'react';
import type { Role } from '@lc/shared';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import { EmptyState } from '../../../app/components/EmptyState';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../hooks/useSession';

/** Renders its children only for the given roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const t = useT();
  const user = useCurrentUser();
  if (!roles.includes(user.role)) {
    return (
      <EmptyState
        icon={<BlockOutlined fontSize="inherit" />}
        title={t('error.notForYourRole')}
        description={t('error.notForYourRoleHint')}
      />
    );
  }
  return children;
}
