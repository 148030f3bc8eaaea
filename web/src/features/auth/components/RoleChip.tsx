import { Chip } from '@mui/material';
import type { MemberRole, Role } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';

/** The user's role, with the member role for dealer members ("Dealer · Owner"). */
export function RoleChip({ role, memberRole }: { role: Role; memberRole?: MemberRole | null }) {
  const t = useT();
  const label = memberRole ? `${t(`role.${role}`)} · ${t(`memberRole.${memberRole}`)}` : t(`role.${role}`);
  return <Chip size="small" label={label} color="primary" variant="outlined" />;
}
