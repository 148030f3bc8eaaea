import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Chip,
  InputAdornment,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import Search from '@mui/icons-material/Search';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { AddDealerDialog } from '../components/AddDealerDialog';
import { SuspensionChip } from '../components/SuspensionChip';
import { useDealers } from '../hooks/useDealers';

/** Operators: every dealer and "Add primary dealer". Primary dealers: their secondary dealers. */
export function DealersPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const user = useCurrentUser();
  const tier = user.role === 'operator' ? 'primary' : 'secondary';
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState(false);
  const dealers = useDealers(debounced, page, pageSize);
  const addLabel = tier === 'primary' ? t('dealers.list.add') : t('dealers.list.addSecondary');

  return (
    <Box>
      <PageHeader
        title={tier === 'primary' ? t('dealers.list.title') : t('dealers.list.secondaryTitle')}
        subtitle={t('dealers.list.subtitle')}
        actions={
          <Button variant="contained" startIcon={<Add />} onClick={() => setAdding(true)}>
            {addLabel}
          </Button>
        }
      />
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(false)} sx={{ mb: 2 }}>
          {t('dealers.add.done')}
        </Alert>
      )}
      <TextField
        size="small"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(0);
        }}
        placeholder={t('dealers.list.search')}
        slotProps={{
          htmlInput: { 'aria-label': t('dealers.list.search') },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
        sx={{ mb: 2, minWidth: 320 }}
      />
      <QueryTablePanel
        query={dealers}
        loadingRows={6}
        emptyIcon={<StorefrontOutlined fontSize="inherit" />}
        emptyText={tier === 'primary' ? t('dealers.list.empty') : t('dealers.list.secondaryEmpty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('dealers.col.loginId')}</TableCell>
                  <TableCell>{t('dealers.col.company')}</TableCell>
                  <TableCell>{t('dealers.col.tier')}</TableCell>
                  <TableCell>{t('dealers.col.email')}</TableCell>
                  <TableCell>{t('dealers.col.status')}</TableCell>
                  <TableCell>{t('dealers.col.createdAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((d) => (
                  <TableRow key={d.id} hover>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{d.loginId}</TableCell>
                    <TableCell>
                      {user.role === 'operator' ? (
                        <Link component={RouterLink} to={`/dealers/${d.id}`}>
                          {d.companyName}
                        </Link>
                      ) : (
                        d.companyName
                      )}
                    </TableCell>
                    <TableCell>{t(`dealers.tier.${d.tier}`)}</TableCell>
                    <TableCell>{d.ownerEmail ?? d.notificationEmail}</TableCell>
                    <TableCell>
                      {d.suspension ? (
                        <SuspensionChip suspension={d.suspension} />
                      ) : (
                        <Chip
                          size="small"
                          variant="outlined"
                          color={d.invitationPending ? 'warning' : 'success'}
                          label={
                            d.invitationPending ? t('dealers.status.invited') : t('dealers.status.active')
                          }
                        />
                      )}
                    </TableCell>
                    <TableCell>{fmt(d.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
      <AddDealerDialog
        open={adding}
        tier={tier}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          setDone(true);
        }}
      />
    </Box>
  );
}
