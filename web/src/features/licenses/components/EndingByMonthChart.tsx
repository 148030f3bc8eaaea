import { useNavigate } from 'react-router-dom';
import { Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { monthLabel, renewalWindowForBar } from '../endingChart';

/**
 * Licenses of the dealer's customers ending per month (YYYY-MM), this month and the next 11; a bar
 * opens the renewals list; a sentence instead of an empty chart when nothing ends.
 */
export function EndingByMonthChart({ data }: { data: Array<{ month: string; count: number }> }) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  if (data.every((d) => d.count === 0)) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="ending-none">
        {t('licenses.dashboard.endingNone', {
          from: monthLabel(data[0]?.month ?? '', lang),
          to: monthLabel(data[data.length - 1]?.month ?? '', lang),
        })}
      </Typography>
    );
  }
  return (
    <BarChart
      height={260}
      xAxis={[{ scaleType: 'band', data: data.map((d) => monthLabel(d.month, lang)) }]}
      yAxis={[{ tickMinStep: 1, min: 0, valueFormatter: (v: number) => String(v) }]}
      series={[{ data: data.map((d) => d.count), label: t('licenses.dashboard.endingSeries') }]}
      onItemClick={(_, item) => void navigate(`/renewals?within=${renewalWindowForBar(item.dataIndex)}`)}
      sx={{ '& .MuiBarElement-root': { cursor: 'pointer' } }}
      hideLegend
    />
  );
}
