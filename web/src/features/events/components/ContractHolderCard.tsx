import { useState } from 'react';
import { Alert, Button, Card, CardActions, CardContent, TextField, Typography } from '@mui/material';
import { CUSTOMER_NAME_MAX } from '@lc/shared';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useRenameContractHolder } from '../hooks/useEventsFeature';

/** The contract holder changes its name (seed 001 §6.1: only the name can be changed). */
export function ContractHolderCard() {
  const t = useT();
  const user = useCurrentUser();
  const rename = useRenameContractHolder();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(user.name);
  const [done, setDone] = useState(false);
  const trimmed = name.trim();
  const error = !trimmed
    ? t('holder.required')
    : trimmed.length > CUSTOMER_NAME_MAX
      ? t('holder.tooLong', { max: CUSTOMER_NAME_MAX })
      : null;
  return (
    <Card sx={{ mt: 3 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {t('holder.title')}
        </Typography>
        {editing ? (
          <TextField
            size="small"
            label={t('holder.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={error !== null}
            helperText={error ?? ' '}
            sx={{ minWidth: 320 }}
            autoFocus
          />
        ) : (
          <Typography>{user.name}</Typography>
        )}
        {rename.isError && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {apiErrorMessage(t, rename.error)}
          </Alert>
        )}
        {done && (
          <Alert severity="success" sx={{ mt: 1 }} onClose={() => setDone(false)}>
            {t('holder.done')}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        {editing ? (
          <>
            <Button
              variant="contained"
              disabled={error !== null}
              loading={rename.isPending}
              onClick={() =>
                rename.mutate(trimmed, {
                  onSuccess: () => {
                    setEditing(false);
                    setDone(true);
                  },
                })
              }
            >
              {t('holder.apply')}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setName(user.name);
                rename.reset();
              }}
            >
              {t('evf.cancel')}
            </Button>
          </>
        ) : (
          <Button
            variant="outlined"
            onClick={() => {
              setName(user.name);
              setDone(false);
              setEditing(true);
            }}
          >
            {t('holder.change')}
          </Button>
        )}
      </CardActions>
    </Card>
  );
}
