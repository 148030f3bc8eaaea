import { Foundation1763780000000 } from './1763780000000-Foundation.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has landed. */
export const migrations = [Foundation1763780000000];
