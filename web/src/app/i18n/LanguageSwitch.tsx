import { Box, Button } from '@mui/material';
import Translate from '@mui/icons-material/Translate';
import { useLang } from './useLang';
import { useSwitchLanguage } from './useSwitchLanguage';
import { useT } from './useT';

/** Toggles between Japanese and English; the label names the language it switches to. */
export function LanguageSwitch({
  color = 'primary',
  compact = false,
}: {
  color?: 'primary' | 'inherit';
  /** On small screens show only the icon (the accessible name stays). */
  compact?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const switchLanguage = useSwitchLanguage();
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <Button
      data-testid="lang-switch"
      color={color}
      startIcon={<Translate />}
      onClick={() => switchLanguage(other)}
      aria-label={t('language.switchTo', { language: t(`language.${other}`) })}
    >
      <Box component="span" sx={compact ? { display: { xs: 'none', sm: 'inline' } } : undefined}>
        {t(`language.${other}`)}
      </Box>
    </Button>
  );
}
