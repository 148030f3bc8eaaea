import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { QUANTITY_LIMITS, STANDARD_TAX_RATE, wholeNumberProblem, type OrderView } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { useSkus } from '../../licenses/hooks/useSkus';
import { formatYen } from '../formatYen';
import { useCreateOrder } from '../hooks/useCreateOrder';

export interface OrderLineInput {
  skuCode: string;
  quantity: number;
}

export interface NewOrderDialogProps {
  initialLines?: OrderLineInput[];
  onClose: () => void;
  onCreated: (order: OrderView) => void;
}

interface LineState {
  skuCode: string;
  quantity: string;
}

/** New order: SKU × quantity lines at the caller's prices; one idempotency key per form. */
export function NewOrderDialog({ initialLines, onClose, onCreated }: NewOrderDialogProps) {
  const t = useT();
  const { lang } = useLang();
  const skus = useSkus();
  const create = useCreateOrder();
  const [key] = useState(() => crypto.randomUUID());
  const [lines, setLines] = useState<LineState[]>(() =>
    initialLines && initialLines.length > 0
      ? initialLines.map((l) => ({ skuCode: l.skuCode, quantity: String(l.quantity) }))
      : [{ skuCode: '', quantity: '1' }],
  );
  const active = (skus.data ?? []).filter((s) => s.active);
  const priceOf = (code: string) => active.find((s) => s.code === code)?.unitPrice ?? 0;
  const checks = useFieldChecks();
  const qtyProblem = (q: string) => wholeNumberProblem(q, QUANTITY_LIMITS.min, QUANTITY_LIMITS.max);
  const qtyValid = (q: string) => qtyProblem(q) === null;
  const codes = lines.map((l) => l.skuCode);
  const valid =
    lines.length > 0 &&
    lines.every((l) => l.skuCode && qtyValid(l.quantity)) &&
    new Set(codes).size === codes.length;
  const subtotal = lines.reduce(
    (sum, l) => sum + (qtyValid(l.quantity) ? priceOf(l.skuCode) * Number(l.quantity) : 0),
    0,
  );
  const update = (i: number, patch: Partial<LineState>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const submit = () => {
    if (!valid) return;
    create.mutate(
      { key, lines: lines.map((l) => ({ skuCode: l.skuCode, quantity: Number(l.quantity) })) },
      { onSuccess: onCreated },
    );
  };

  return (
    <Dialog open onClose={create.isPending ? undefined : onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t('billing.newOrder.title')}</DialogTitle>
      <DialogContent>
        {skus.isError && <Alert severity="error">{apiErrorMessage(t, skus.error)}</Alert>}
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 1 }}>
          {lines.map((l, i) => (
            <Box key={i} sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <TextField
                select
                label={t('billing.newOrder.sku')}
                value={l.skuCode}
                onChange={(e) => update(i, { skuCode: e.target.value })}
                sx={{ minWidth: 320, flex: 1 }}
                slotProps={{ htmlInput: { 'data-testid': `order-line-sku-${i}` } }}
              >
                {active.map((s) => (
                  <MenuItem
                    key={s.code}
                    value={s.code}
                    disabled={codes.includes(s.code) && s.code !== l.skuCode}
                  >
                    {s.code} — {s.name[lang]} ({formatYen(s.unitPrice)})
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={t('billing.newOrder.quantity')}
                name={`quantity-${i}`}
                value={l.quantity}
                onChange={(e) => update(i, { quantity: e.target.value })}
                {...checks.props(`quantity-${i}`, qtyProblem(l.quantity))}
                sx={{ width: 200 }}
                slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `order-line-qty-${i}` } }}
              />
              <Typography sx={{ width: 120, textAlign: 'right' }}>
                {l.skuCode && qtyValid(l.quantity) ? formatYen(priceOf(l.skuCode) * Number(l.quantity)) : ''}
              </Typography>
              <IconButton
                aria-label={t('billing.newOrder.removeLine')}
                onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                disabled={lines.length === 1}
              >
                <DeleteOutlined />
              </IconButton>
            </Box>
          ))}
          <Box>
            <Button
              startIcon={<AddOutlined />}
              onClick={() => setLines((ls) => [...ls, { skuCode: '', quantity: '1' }])}
              disabled={lines.length >= active.length}
            >
              {t('billing.newOrder.addLine')}
            </Button>
          </Box>
          <Box sx={{ textAlign: 'right' }}>
            <Typography variant="body2">
              {t('billing.newOrder.subtotal')}: {formatYen(subtotal)}
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('billing.newOrder.taxNote', { rate: STANDARD_TAX_RATE })}
            </Typography>
          </Box>
          {create.isError && (
            <Alert severity="error" role="alert">
              {apiErrorMessage(t, create.error)}
            </Alert>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={create.isPending}>
          {t('billing.common.back')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={!valid || create.isPending}>
          {t('billing.newOrder.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
