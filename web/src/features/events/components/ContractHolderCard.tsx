import { useState } from 'react';
import { Alert, Button, Card, CardActions, CardContent, TextField, Typography } from '@mui/material';
import { CUSTOMER_NAME_MAX, textProblem } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
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
  const checks = useFieldChecks();
  const trimmed = name.trim();
  const problem = textProblem(name, { required: true, max: CUSTOMER_NAME_MAX });
  return (
    <Card sx={{ mt: 3 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {t('holder.title')}
        </Typography>
        {editing ? (
          <TextField
            name="name"
            size="small"
            label={t('holder.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            {...checks.props('name', problem)}
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
              disabled={problem !== null || trimmed === user.name}
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
