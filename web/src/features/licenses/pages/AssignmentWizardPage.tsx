import { requestCameraName } from '../../renewal-requests/requestCameraName';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  MenuItem,
  Paper,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { ErrorCode, QUANTITY_LIMITS, type AssignmentResult, type CustomerView } from '@lc/shared';
import { getCustomer } from '../../../api/accounts';
import { isApiError } from '../../../api/ApiError';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PageHeader } from '../../../app/components/PageHeader';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { ConfirmDialog } from '../../../app/components/ConfirmDialog';
import { useHandleRenewalRequest, useRenewalRequests } from '../../renewal-requests/hooks/useRenewalRequests';
import { AssignmentPreviewPanel } from '../components/AssignmentPreviewPanel';
import { CustomerPicker } from '../components/CustomerPicker';
import { useAssignLicenses } from '../hooks/useAssignLicenses';
import { useAssignmentPreview } from '../hooks/useAssignmentPreview';
import { useStock } from '../hooks/useStock';

const STEPS = ['sku', 'customer', 'confirm', 'result'] as const;

/** Assign licenses from stock to a customer (partner manual steps 8–11). */
export function AssignmentWizardPage() {
  const t = useT();
  const { lang } = useLang();
  const stock = useStock();
  const assign = useAssignLicenses();
  const [step, setStep] = useState(0);
  const [skuCode, setSkuCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [params] = useSearchParams();
  const presetId = params.get('customerId');
  const requestId = params.get('renewalRequest');
  // Opened from a renewal request or the "ending soon" list: that customer is preselected.
  const preset = useQuery({
    queryKey: ['customers', 'one', presetId],
    queryFn: ({ signal }) => getCustomer(presetId!, signal),
    enabled: !!presetId,
  });
  const openRequests = useRenewalRequests('open');
  const request = requestId ? openRequests.data?.find((r) => r.id === requestId) : undefined;
  const handleRequest = useHandleRenewalRequest();
  const [picked, setCustomer] = useState<CustomerView | null>(null);
  const customer = picked ?? preset.data ?? null;
  const [confirming, setConfirming] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<AssignmentResult | null>(null);

  const available = (stock.data ?? []).filter((s) => s.quantity > 0);
  const item = available.find((s) => s.skuCode === skuCode);
  const qty = Number(quantity);
  const qtyValid =
    Number.isInteger(qty) &&
    qty >= QUANTITY_LIMITS.min &&
    qty <= Math.min(QUANTITY_LIMITS.max, item?.quantity ?? 0);
  const preview = useAssignmentPreview(
    step === 2 && customer && item ? { customerId: customer.id, skuCode, quantity: qty } : null,
  );
  const stockShort = isApiError(assign.error) && assign.error.code === ErrorCode.STOCK_SHORT;
  const shortDetails = isApiError(assign.error) ? assign.error.details : undefined;

  const restart = () => {
    setStep(0);
    setSkuCode('');
    setQuantity('1');
    setCustomer(null);
    setResult(null);
    setKey(crypto.randomUUID());
    assign.reset();
  };

  const doAssign = () => {
    if (!customer) return;
    assign.mutate(
      { customerId: customer.id, skuCode, quantity: qty, key },
      {
        onSuccess: (r) => {
          setResult(r);
          setConfirming(false);
          setStep(3);
          if (request && request.customerId === customer.id) handleRequest.mutate(request.id);
        },
        onError: () => setConfirming(false),
      },
    );
  };

  const skuLabel = item ? `${item.skuCode} — ${item.name[lang]}` : skuCode;

  return (
    <Box sx={{ maxWidth: 880 }}>
      <PageHeader title={t('licenses.wizard.title')} subtitle={t('licenses.wizard.subtitle')} />
      {request && step < 3 && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="wizard-renewal-request">
          {t('renewalRequests.fromRequest', {
            customer: request.customerName,
            camera: requestCameraName(t, request),
          })}
          {request.note && (
            <Box component="span" sx={{ display: 'block', whiteSpace: 'pre-wrap', mt: 0.5 }}>
              {t('renewalRequests.note', { note: request.note })}
            </Box>
          )}
        </Alert>
      )}
      <Stepper activeStep={step} sx={{ mb: 3 }} alternativeLabel>
        {STEPS.map((s) => (
          <Step key={s}>
            <StepLabel>{t(`licenses.wizard.step.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        {step === 0 &&
          (stock.isPending ? (
            <LoadingRows rows={3} />
          ) : stock.isError ? (
            <ErrorState error={stock.error} onRetry={() => void stock.refetch()} />
          ) : available.length === 0 ? (
            <Alert
              severity="info"
              action={
                <Button component={RouterLink} to="/orders" color="inherit" size="small">
                  {t('licenses.wizard.orderMore')}
                </Button>
              }
            >
              {t('licenses.wizard.noStock')}
            </Alert>
          ) : (
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <TextField
                select
                label={t('licenses.wizard.sku')}
                value={skuCode}
                onChange={(e) => setSkuCode(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'wizard-sku' } }}
              >
                {available.map((s) => (
                  <MenuItem key={s.skuCode} value={s.skuCode}>
                    {t('licenses.wizard.skuOption', {
                      code: s.skuCode,
                      name: s.name[lang],
                      count: s.quantity,
                    })}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={t('licenses.wizard.quantity')}
                type="number"
                value={quantity}
                onChange={(e) => setQuantity(e.target.value)}
                error={!!item && !qtyValid}
                helperText={item ? t('licenses.wizard.quantityHelp', { count: item.quantity }) : undefined}
                slotProps={{ htmlInput: { min: 1, max: item?.quantity } }}
                sx={{ maxWidth: 200 }}
              />
              <Box>
                <Button variant="contained" disabled={!item || !qtyValid} onClick={() => setStep(1)}>
                  {t('licenses.wizard.next')}
                </Button>
              </Box>
            </Box>
          ))}

        {step === 1 && (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <CustomerPicker selected={customer} onSelect={setCustomer} />
            {customer && (
              <Typography data-testid="wizard-selected-customer">
                {t('licenses.wizard.selected', { name: customer.name, email: customer.email })}
              </Typography>
            )}
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button onClick={() => setStep(0)}>{t('billing.common.back')}</Button>
              <Button variant="contained" disabled={!customer} onClick={() => setStep(2)}>
                {t('licenses.wizard.next')}
              </Button>
            </Box>
          </Box>
        )}

        {step === 2 && customer && (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            {preview.isPending ? (
              <LoadingRows rows={4} />
            ) : preview.isError ? (
              <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
            ) : (
              <AssignmentPreviewPanel
                preview={preview.data}
                rows={[
                  { label: t('licenses.wizard.customer'), value: `${customer.name} <${customer.email}>` },
                  { label: t('licenses.wizard.sku'), value: skuLabel },
                  { label: t('licenses.wizard.quantity'), value: String(qty) },
                ]}
              />
            )}
            {assign.isError && (
              <Alert severity="error" role="alert" data-testid="assign-error">
                {stockShort ? (
                  <>
                    <AlertTitle>{t('licenses.wizard.stockShortTitle')}</AlertTitle>
                    {t('licenses.wizard.stockShort', {
                      requested: Number(shortDetails?.requested ?? qty),
                      available: Number(shortDetails?.available ?? 0),
                    })}
                  </>
                ) : (
                  apiErrorMessage(t, assign.error)
                )}
              </Alert>
            )}
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button onClick={() => setStep(1)} disabled={assign.isPending}>
                {t('billing.common.back')}
              </Button>
              <Button
                variant="contained"
                disabled={!preview.isSuccess || assign.isPending}
                onClick={() => setConfirming(true)}
              >
                {t('licenses.wizard.assign')}
              </Button>
            </Box>
            <ConfirmDialog
              open={confirming}
              title={t('licenses.wizard.confirmTitle')}
              confirmLabel={t('licenses.wizard.confirmAssign')}
              busy={assign.isPending}
              onClose={() => setConfirming(false)}
              onConfirm={doAssign}
            >
              <Typography variant="body2">
                {t('licenses.wizard.confirmBody', { count: qty, sku: skuCode, name: customer.name })}
              </Typography>
            </ConfirmDialog>
          </Box>
        )}

        {step === 3 && result && (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Alert severity="success" data-testid="assign-result">
              {result.licenses.length === 1
                ? t('licenses.wizard.doneOne', { name: customer?.name ?? '' })
                : t('licenses.wizard.done', { count: result.licenses.length, name: customer?.name ?? '' })}
            </Alert>
            <Table size="small" aria-label={t('licenses.wizard.step.result')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('licenses.wizard.license')}</TableCell>
                  <TableCell>{t('licenses.wizard.freeUntil')}</TableCell>
                  <TableCell>{t('licenses.wizard.termStartsAt')}</TableCell>
                  <TableCell>{t('licenses.wizard.endsAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.licenses.map((l, i) => (
                  <TableRow key={l.id}>
                    <TableCell title={l.id}>
                      {t('licenses.wizard.licenseOrdinal', { sku: skuCode, n: i + 1 })}
                    </TableCell>
                    <TableCell>
                      {formatDateTime(l.freeUntil, lang, customer?.timeZone, { dateOnly: true })}
                    </TableCell>
                    <TableCell>
                      {formatDateTime(l.termStartsAt, lang, customer?.timeZone, { dateOnly: true })}
                    </TableCell>
                    <TableCell>
                      {formatDateTime(l.endsAt, lang, customer?.timeZone, { dateOnly: true })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button variant="contained" onClick={restart}>
                {t('licenses.wizard.again')}
              </Button>
              <Button component={RouterLink} to="/assignments">
                {t('licenses.wizard.toHistory')}
              </Button>
            </Box>
          </Box>
        )}
      </Paper>
    </Box>
  );
}
