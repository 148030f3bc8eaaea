import { useState } from 'react';
import {
  Box,
  Button,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import SellOutlined from '@mui/icons-material/SellOutlined';
import type { SkuView } from '@lc/shared';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { formatYen } from '../../billing/formatYen';
import { SkuFormDialog } from '../components/SkuFormDialog';
import { useUpdateSku } from '../hooks/useSkuMutations';
import { useSkus } from '../hooks/useSkus';

/** Operator: the license SKUs with their three prices; create, reprice, (de)activate. */
export function SkusPage() {
  const t = useT();
  const { lang } = useLang();
  const skus = useSkus();
  const update = useUpdateSku();
  const [editing, setEditing] = useState<SkuView | 'new' | null>(null);
  return (
    <Box>
      <PageHeader
        title={t('licenses.skus.title')}
        subtitle={t('licenses.skus.subtitle')}
        actions={
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            {t('licenses.skus.create')}
          </Button>
        }
      />
      <QueryTablePanel
        query={skus}
        refetchBar={false}
        loadingRows={5}
        emptyIcon={<SellOutlined fontSize="inherit" />}
        emptyText={t('licenses.skus.empty')}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" aria-label={t('licenses.skus.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('licenses.skus.code')}</TableCell>
                  <TableCell>{t('licenses.skus.name')}</TableCell>
                  <TableCell>{t('licenses.col.kind')}</TableCell>
                  <TableCell align="right">{t('licenses.skus.termMonths')}</TableCell>
                  <TableCell align="right">{t('licenses.skus.pricePrimary')}</TableCell>
                  <TableCell align="right">{t('licenses.skus.priceSecondary')}</TableCell>
                  <TableCell align="right">{t('licenses.skus.priceList')}</TableCell>
                  <TableCell>{t('licenses.skus.active')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((s) => (
                  <TableRow key={s.code}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.code}</TableCell>
                    <TableCell>{s.name[lang]}</TableCell>
                    <TableCell>{t(`licenses.kind.${s.kind}`)}</TableCell>
                    <TableCell align="right">{s.termMonths}</TableCell>
                    <TableCell align="right">{formatYen(s.prices.primary)}</TableCell>
                    <TableCell align="right">{formatYen(s.prices.secondary)}</TableCell>
                    <TableCell align="right">{formatYen(s.prices.list)}</TableCell>
                    <TableCell>
                      <Switch
                        checked={s.active}
                        disabled={update.isPending}
                        onChange={(e) => update.mutate({ code: s.code, body: { active: e.target.checked } })}
                        slotProps={{
                          input: { 'aria-label': t('licenses.skus.activeFor', { code: s.code }) },
                        }}
                      />
                    </TableCell>
                    <TableCell align="right">
                      <Button size="small" onClick={() => setEditing(s)}>
                        {t('licenses.skus.editPrices')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
      {editing && (
        <SkuFormDialog sku={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Box>
  );
}
