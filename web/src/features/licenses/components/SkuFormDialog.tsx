import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import {
  LICENSE_KINDS,
  SKU_CODE_PATTERN,
  SKU_LIMITS,
  textProblem,
  wholeNumberProblem,
  type FieldProblem,
  type LicenseKind,
  type SkuView,
} from '@lc/shared';
import { fieldProblemText } from '../../../app/forms/fieldProblemText';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCreateSku, useUpdateSku } from '../hooks/useSkuMutations';

export interface SkuFormDialogProps {
  /** Edit this SKU's prices; absent: create one. */
  sku?: SkuView;
  onClose: () => void;
}

const CODE = SKU_CODE_PATTERN;
const PRICE_MAX = SKU_LIMITS.priceMax;
const NAME_MAX = SKU_LIMITS.nameMax;
const TERM_MAX = SKU_LIMITS.termMonthsMax;
const yenProblem = (v: string) => wholeNumberProblem(v, 0, PRICE_MAX);
/** Blank fields are marked required; other problems show as soon as they are typed. */
const typed = (p: FieldProblem | null) => (p && p.kind !== 'required' ? p : null);

/** Create a SKU, or change an existing one's prices (integer yen). */
export function SkuFormDialog({ sku, onClose }: SkuFormDialogProps) {
  const t = useT();
  const create = useCreateSku();
  const update = useUpdateSku();
  const m = sku ? update : create;
  const [code, setCode] = useState(sku?.code ?? '');
  const [nameJa, setNameJa] = useState(sku?.name.ja ?? '');
  const [nameEn, setNameEn] = useState(sku?.name.en ?? '');
  const [kind, setKind] = useState<LicenseKind>(sku?.kind ?? 'edge');
  const [term, setTerm] = useState(String(sku?.termMonths ?? 12));
  const [primary, setPrimary] = useState(String(sku?.prices.primary ?? ''));
  const [secondary, setSecondary] = useState(String(sku?.prices.secondary ?? ''));
  const [list, setList] = useState(String(sku?.prices.list ?? ''));
  const termN = Number(term);
  const problems = {
    nameJa: textProblem(nameJa, { required: true, max: NAME_MAX }),
    nameEn: textProblem(nameEn, { required: true, max: NAME_MAX }),
    term: wholeNumberProblem(term, 1, TERM_MAX),
    primary: yenProblem(primary),
    secondary: yenProblem(secondary),
    list: yenProblem(list),
  };
  const valid =
    (sku || (CODE.test(code) && !problems.nameJa && !problems.nameEn && !problems.term)) &&
    !problems.primary &&
    !problems.secondary &&
    !problems.list;

  const submit = () => {
    if (!valid) return;
    const prices = { primary: Number(primary), secondary: Number(secondary), list: Number(list) };
    if (sku) update.mutate({ code: sku.code, body: { prices } }, { onSuccess: onClose });
    else
      create.mutate(
        { code, name: { ja: nameJa.trim(), en: nameEn.trim() }, kind, termMonths: termN, prices },
        { onSuccess: onClose },
      );
  };

  const yenField = (name: string, label: string, value: string, set: (v: string) => void) => (
    <TextField
      name={name}
      label={label}
      value={value}
      required
      onChange={(e) => set(e.target.value.trim())}
      error={typed(yenProblem(value)) !== null}
      helperText={fieldProblemText(t, typed(yenProblem(value)))}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      sx={{ flex: 1, minWidth: 140 }}
    />
  );

  return (
    <Dialog open onClose={m.isPending ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>
        {sku ? t('licenses.skus.editTitle', { code: sku.code }) : t('licenses.skus.createTitle')}
      </DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 1 }}>
          {!sku && (
            <>
              <TextField
                label={t('licenses.skus.code')}
                name="code"
                value={code}
                onChange={(e) => setCode(e.target.value.trim())}
                error={code !== '' && !CODE.test(code)}
                helperText={t('licenses.skus.codeHelp')}
              />
              <TextField
                label={t('licenses.skus.nameJa')}
                name="nameJa"
                value={nameJa}
                required
                onChange={(e) => setNameJa(e.target.value)}
                error={typed(problems.nameJa) !== null}
                helperText={fieldProblemText(t, typed(problems.nameJa))}
              />
              <TextField
                label={t('licenses.skus.nameEn')}
                name="nameEn"
                value={nameEn}
                required
                onChange={(e) => setNameEn(e.target.value)}
                error={typed(problems.nameEn) !== null}
                helperText={fieldProblemText(t, typed(problems.nameEn))}
              />
              <Box sx={{ display: 'flex', gap: 2 }}>
                <TextField
                  select
                  label={t('licenses.col.kind')}
                  value={kind}
                  onChange={(e) => setKind(e.target.value as LicenseKind)}
                  sx={{ flex: 1 }}
                >
                  {LICENSE_KINDS.map((k) => (
                    <MenuItem key={k} value={k}>
                      {t(`licenses.kind.${k}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  label={t('licenses.skus.termMonths')}
                  name="termMonths"
                  value={term}
                  required
                  onChange={(e) => setTerm(e.target.value.trim())}
                  error={problems.term !== null}
                  helperText={fieldProblemText(t, problems.term)}
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  sx={{ flex: 1 }}
                />
              </Box>
            </>
          )}
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            {yenField('primary', t('licenses.skus.pricePrimary'), primary, setPrimary)}
            {yenField('secondary', t('licenses.skus.priceSecondary'), secondary, setSecondary)}
            {yenField('list', t('licenses.skus.priceList'), list, setList)}
          </Box>
          {m.isError && (
            <Alert severity="error" role="alert">
              {apiErrorMessage(t, m.error)}
            </Alert>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={m.isPending}>
          {t('billing.common.back')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={!valid || m.isPending}>
          {t('licenses.skus.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
