import { BarChart } from '@mui/x-charts/BarChart';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';

/** Licenses of the dealer's customers ending per month (YYYY-MM), this month and the next 11. */
export function EndingByMonthChart({ data }: { data: Array<{ month: string; count: number }> }) {
  const t = useT();
  const { lang } = useLang();
  const label = (ym: string) => {
    const [y, m] = ym.split('-').map(Number);
    return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
      year: '2-digit',
      month: 'short',
      timeZone: 'UTC',
    }).format(Date.UTC(y, m - 1, 1));
  };
  return (
    <BarChart
      height={260}
      xAxis={[{ scaleType: 'band', data: data.map((d) => label(d.month)) }]}
      yAxis={[
        {
          tickMinStep: 1,
          min: 0,
          max: data.every((d) => d.count === 0) ? 1 : undefined,
          valueFormatter: (v: number) => String(v),
        },
      ]}
      series={[{ data: data.map((d) => d.count), label: t('licenses.dashboard.endingSeries') }]}
      hideLegend
    />
  );
}
