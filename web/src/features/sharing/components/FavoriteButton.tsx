import { IconButton, Tooltip } from '@mui/material';
import Star from '@mui/icons-material/Star';
import StarBorder from '@mui/icons-material/StarBorder';
import { useT } from '../../../app/i18n/useT';
import { useFavorites, useSetFavorite } from '../hooks/useSharing';

/** The star on a camera: every portal user keeps their own favorites (seed 001 §5.5). */
export function FavoriteButton({ cameraId }: { cameraId: string }) {
  const t = useT();
  const favorites = useFavorites();
  const set = useSetFavorite();
  const on = favorites.data?.cameraIds.includes(cameraId) ?? false;
  const label = t(on ? 'favorites.remove' : 'favorites.add');
  return (
    <Tooltip title={label}>
      <span>
        <IconButton
          aria-label={label}
          aria-pressed={on}
          disabled={!favorites.data || set.isPending}
          onClick={() => set.mutate({ cameraId, on: !on })}
        >
          {on ? <Star color="warning" /> : <StarBorder />}
        </IconButton>
      </span>
    </Tooltip>
  );
}
