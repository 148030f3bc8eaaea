import { Foundation1763780000000 } from './1763780000000-Foundation.js';
import { Accounts1763790000000 } from './1763790000000-Accounts.js';
import { Licenses1763800000000 } from './1763800000000-Licenses.js';
import { Devices1763810000000 } from './1763810000000-Devices.js';
import { EntitlementsNotify1763820000000 } from './1763820000000-EntitlementsNotify.js';
import { DeviceTelemetry1763830000000 } from './1763830000000-DeviceTelemetry.js';
import { Reminders1763840000000 } from './1763840000000-Reminders.js';
import { Maintenance1763850000000 } from './1763850000000-Maintenance.js';
import { CredentialGate1763861100000 } from './1763861100000-CredentialGate.js';
import { OperatorEcShop1763861200000 } from './1763861200000-OperatorEcShop.js';
import { Reliability1763870000000 } from './1763870000000-Reliability.js';
import { FirmwareReservation1763880012000 } from './1763880012000-FirmwareReservation.js';
import { SharedUsers1763900100000 } from './1763900100000-SharedUsers.js';
import { Integrations1763917000000 } from './1763917000000-Integrations.js';
import { RenewalRequests1763920100000 } from './1763920100000-RenewalRequests.js';
import { EventsAnnouncements1763930000000 } from './1763930000000-EventsAnnouncements.js';
import { DealerSuspension1764010000000 } from './1764010000000-DealerSuspension.js';
import { OutboxRenderAtDelivery1764040000000 } from './1764040000000-OutboxRenderAtDelivery.js';
import { NoticeGroups1764050000000 } from './1764050000000-NoticeGroups.js';

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
  CredentialGate1763861100000,
  OperatorEcShop1763861200000,
  Reliability1763870000000,
  FirmwareReservation1763880012000,
  SharedUsers1763900100000,
  Integrations1763917000000,
  RenewalRequests1763920100000,
  EventsAnnouncements1763930000000,
  DealerSuspension1764010000000,
  OutboxRenderAtDelivery1764040000000,
  NoticeGroups1764050000000,
];
