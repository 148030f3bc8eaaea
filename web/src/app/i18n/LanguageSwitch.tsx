import { Button } from '@mui/material';
import Translate from '@mui/icons-material/Translate';
import { useLang } from './useLang';
import { useSwitchLanguage } from './useSwitchLanguage';
import { useT } from './useT';

/** Toggles between Japanese and English; the label names the language it switches to. */
export function LanguageSwitch({ color = 'primary' }: { color?: 'primary' | 'inherit' }) {
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
      {t(`language.${other}`)}
    </Button>
  );
}
