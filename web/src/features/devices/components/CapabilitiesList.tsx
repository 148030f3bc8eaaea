import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import HighlightOff from '@mui/icons-material/HighlightOff';
import type { Capabilities } from '@lc/shared';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { capabilityLines } from '../lapse';

/** Each §3 capability on or off; an off one says why (it needs a valid license). */
export function CapabilitiesList({ capabilities }: { capabilities: Capabilities }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <List dense disablePadding data-testid="capabilities">
      {capabilityLines(capabilities, lang).map((c) => (
        <ListItem
          key={c.key}
          disableGutters
          data-testid={`capability-${c.key}`}
          data-on={c.on ? 'true' : 'false'}
        >
          <ListItemIcon sx={{ minWidth: 32 }}>
            {c.on ? (
              <CheckCircleOutline color="success" fontSize="small" titleAccess={t('devices.capability.on')} />
            ) : (
              <HighlightOff color="error" fontSize="small" titleAccess={t('devices.capability.off')} />
            )}
          </ListItemIcon>
          <ListItemText
            primary={c.label}
            secondary={
              c.on
                ? t(c.keptWhenLapsed ? 'devices.capability.always' : 'devices.capability.licensed')
                : t('devices.capability.needsLicense')
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
