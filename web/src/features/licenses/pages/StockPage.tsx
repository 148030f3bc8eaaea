import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Card, CardContent, Chip, Grid, Typography } from '@mui/material';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { EcSiteDialog } from '../components/EcSiteDialog';
import { useStock } from '../hooks/useStock';

/** The dealer's licenses in stock per SKU, with the way to the EC site. */
export function StockPage() {
  const t = useT();
  const { lang } = useLang();
  const stock = useStock();
  const [ecOpen, setEcOpen] = useState(false);
  return (
    <Box>
      <PageHeader
        title={t('licenses.stock.title')}
        subtitle={t('licenses.stock.subtitle')}
        actions={
          <>
            <Button startIcon={<StorefrontOutlined />} onClick={() => setEcOpen(true)}>
              {t('licenses.ec.button')}
            </Button>
            <Button component={RouterLink} to="/orders">
              {t('billing.orders.new')}
            </Button>
            <Button
              variant="contained"
              component={RouterLink}
              to="/assignments/new"
              startIcon={<AssignmentTurnedInOutlined />}
            >
              {t('licenses.wizard.title')}
            </Button>
          </>
        }
      />
      <QueryTablePanel
        query={stock}
        frame="none"
        refetchBar={false}
        loadingRows={4}
        emptyIcon={<Inventory2Outlined fontSize="inherit" />}
        emptyText={t('licenses.stock.empty')}
      >
        {(data) => (
          <Grid container spacing={2}>
            {data.map((s) => (
              <Grid key={s.skuCode} size={{ xs: 12, sm: 6, md: 4 }}>
                <Card variant="outlined" data-testid={`stock-${s.skuCode}`}>
                  <CardContent>
                    <Typography variant="overline">{s.skuCode}</Typography>
                    <Typography variant="subtitle1">{s.name[lang]}</Typography>
                    <Box sx={{ display: 'flex', gap: 1, my: 1 }}>
                      <Chip size="small" label={t(`licenses.kind.${s.kind}`)} />
                      <Chip size="small" label={t('licenses.months', { count: s.termMonths })} />
                    </Box>
                    <Typography variant="h4" component="p" data-testid="stock-quantity">
                      {s.quantity}
                    </Typography>
                    <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                      {t('licenses.stock.inStock')}
                    </Typography>
                  </CardContent>
                </Card>
              </Grid>
            ))}
          </Grid>
        )}
      </QueryTablePanel>
      <EcSiteDialog forceOpen={ecOpen} onClose={() => setEcOpen(false)} />
    </Box>
  );
}
