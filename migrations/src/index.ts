import { Foundation1763780000000 } from './1763780000000-Foundation.js';
import { Accounts1763790000000 } from './1763790000000-Accounts.js';
import { Licenses1763800000000 } from './1763800000000-Licenses.js';
import { Devices1763810000000 } from './1763810000000-Devices.js';
import { EntitlementsNotify1763820000000 } from './1763820000000-EntitlementsNotify.js';
import { DeviceTelemetry1763830000000 } from './1763830000000-DeviceTelemetry.js';
import { Reminders1763840000000 } from './1763840000000-Reminders.js';
import { Maintenance1763850000000 } from './1763850000000-Maintenance.js';
import { RenewalRequests1763920100000 } from './1763920100000-RenewalRequests.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has landed. */
export const migrations = [
  Foundation1763780000000,
  Accounts1763790000000,
  Licenses1763800000000,
  Devices1763810000000,
  EntitlementsNotify1763820000000,
  DeviceTelemetry1763830000000,
  Reminders1763840000000,
  Maintenance1763850000000,
  RenewalRequests1763920100000,
];
