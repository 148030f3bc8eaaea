import { describe, expect, it } from 'vitest';
import type { Role } from '@lc/shared';
import { homePathFor } from './homePath';
import { APP_PAGES } from './pages';

describe('homePathFor', () => {
  it.each<Role>(['operator', 'dealer', 'customer', 'shared_user'])(
    'sends %s to a page it may open and sees first in its navigation',
    (role) => {
      const path = homePathFor(role);
      const first = APP_PAGES.find((p) => (p.navRoles ?? p.roles).includes(role) && !p.devOnly);
      expect(first?.path).toBe(path);
      expect(APP_PAGES.find((p) => p.path === path)?.roles).toContain(role);
    },
  );
});
