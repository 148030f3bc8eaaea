import type { ReactNode } from 'react';
import type { Role } from '@lc/shared';
import type { SvgIconComponent } from '@mui/icons-material';
import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import HubOutlined from '@mui/icons-material/HubOutlined';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import AutorenewOutlined from '@mui/icons-material/AutorenewOutlined';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import BuildOutlined from '@mui/icons-material/BuildOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import DynamicFeedOutlined from '@mui/icons-material/DynamicFeedOutlined';
import HelpOutlineOutlined from '@mui/icons-material/HelpOutlineOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import LanOutlined from '@mui/icons-material/LanOutlined';
import MailOutlined from '@mui/icons-material/MailOutlined';
import MessageOutlined from '@mui/icons-material/MessageOutlined';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import ReceiptOutlined from '@mui/icons-material/ReceiptOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import SellOutlined from '@mui/icons-material/SellOutlined';
import StarBorder from '@mui/icons-material/StarBorder';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import VideocamOutlined from '@mui/icons-material/VideocamOutlined';
import { AccountPage } from '../features/account/pages/AccountPage';
import { AuditLogPage } from '../features/audit/pages/AuditLogPage';
import { MembersPage } from '../features/members/pages/MembersPage';
import { IntegrationsPage } from '../features/integrations/pages/IntegrationsPage';
import { MessagesPage } from '../features/messages/pages/MessagesPage';
import { CustomerDetailPage } from '../features/customers/pages/CustomerDetailPage';
import { CustomersPage } from '../features/customers/pages/CustomersPage';
import { DashboardPage } from '../features/dashboard/pages/DashboardPage';
import { InvoicesPage } from '../features/billing/pages/InvoicesPage';
import { OrdersPage } from '../features/billing/pages/OrdersPage';
import { AssignmentsPage } from '../features/licenses/pages/AssignmentsPage';
import { AssignmentWizardPage } from '../features/licenses/pages/AssignmentWizardPage';
import { CustomerLicensesPage } from '../features/licenses/pages/CustomerLicensesPage';
import { RenewalsPage } from '../features/licenses/pages/RenewalsPage';
import { SkusPage } from '../features/licenses/pages/SkusPage';
import { StockPage } from '../features/licenses/pages/StockPage';
import { DealersPage } from '../features/dealers/pages/DealersPage';
import { DealerDetailPage } from '../features/dealers/pages/DealerDetailPage';
import { RequireDevSurface } from '../features/dev/components/RequireDevSurface';
import { MailboxPage } from '../features/dev/pages/MailboxPage';
import { JobRunsPage } from '../features/jobs/pages/JobRunsPage';
import { MaintenanceContactsPage } from '../features/maintenance/pages/MaintenanceContactsPage';
import { MaintenanceDevicePage } from '../features/maintenance/pages/MaintenanceDevicePage';
import { MonitoringPage } from '../features/maintenance/pages/MonitoringPage';
import { RemoteMaintenancePage } from '../features/maintenance/pages/RemoteMaintenancePage';
import { CameraDetailPage } from '../features/devices/pages/CameraDetailPage';
import { ConnectionHistoryPage } from '../features/devices/pages/ConnectionHistoryPage';
import { DeviceDetailPage } from '../features/devices/pages/DeviceDetailPage';
import { DevicesPage } from '../features/devices/pages/DevicesPage';
import { EventsPage } from '../features/devices/pages/EventsPage';
import { NotificationsPage } from '../features/notifications/pages/NotificationsPage';
import { FavoritesPage } from '../features/sharing/pages/FavoritesPage';
import { SharedUsersPage } from '../features/sharing/pages/SharedUsersPage';
import { AnnouncementsPage } from '../features/events/pages/AnnouncementsPage';
import { BulkOperationsPage } from '../features/events/pages/BulkOperationsPage';
import { HelpPage } from '../features/events/pages/HelpPage';
import { NotificationSettingsPage } from '../features/events/pages/NotificationSettingsPage';
import type { MessageKey } from './i18n/dictionaries';

export interface AppPage {
  path: string;
  labelKey: MessageKey;
  icon: SvgIconComponent;
  /** Who may open the page. */
  roles: readonly Role[];
  /** Who sees it in the navigation; defaults to `roles`. */
  navRoles?: readonly Role[];
  /** Only where the server's dev surface is on. */
  devOnly?: boolean;
  element: ReactNode;
}

const ALL_ROLES: readonly Role[] = ['operator', 'dealer', 'customer', 'shared_user'];

/**
 * Every page of the shell, in navigation order; filtering by role gives each role's menu.
 * Pages the API does not serve yet show what will appear there.
 */
export const APP_PAGES: readonly AppPage[] = [
  {
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    icon: DashboardOutlined,
    roles: ['operator', 'dealer'],
    element: <DashboardPage />,
  },
  {
    path: '/dealers',
    labelKey: 'nav.dealers',
    icon: StorefrontOutlined,
    roles: ['operator'],
    element: <DealersPage />,
  },
  {
    path: '/dealers/:id',
    labelKey: 'nav.dealers',
    icon: StorefrontOutlined,
    roles: ['operator'],
    navRoles: [],
    element: <DealerDetailPage />,
  },
  {
    path: '/skus',
    labelKey: 'nav.skus',
    icon: SellOutlined,
    roles: ['operator'],
    element: <SkusPage />,
  },
  {
    path: '/jobs',
    labelKey: 'nav.jobs',
    icon: ScheduleOutlined,
    roles: ['operator'],
    element: <JobRunsPage />,
  },
  {
    path: '/dev/mailbox',
    labelKey: 'nav.mailbox',
    icon: MailOutlined,
    roles: ALL_ROLES,
    navRoles: ['operator'],
    devOnly: true,
    element: (
      <RequireDevSurface>
        <MailboxPage />
      </RequireDevSurface>
    ),
  },
  {
    path: '/audit-log',
    labelKey: 'nav.auditLog',
    icon: HistoryOutlined,
    roles: ['operator', 'dealer'],
    element: <AuditLogPage />,
  },
  {
    path: '/customers',
    labelKey: 'nav.customers',
    icon: PeopleOutlined,
    roles: ['dealer'],
    element: <CustomersPage />,
  },
  {
    path: '/customers/:id',
    labelKey: 'nav.customers',
    icon: PeopleOutlined,
    roles: ['dealer'],
    navRoles: [],
    element: <CustomerDetailPage />,
  },
  {
    path: '/stock',
    labelKey: 'nav.stock',
    icon: Inventory2Outlined,
    roles: ['dealer'],
    element: <StockPage />,
  },
  {
    path: '/assignments',
    labelKey: 'nav.assignments',
    icon: AssignmentTurnedInOutlined,
    roles: ['dealer'],
    element: <AssignmentsPage />,
  },
  {
    path: '/assignments/new',
    labelKey: 'nav.assignments',
    icon: AssignmentTurnedInOutlined,
    roles: ['dealer'],
    navRoles: [],
    element: <AssignmentWizardPage />,
  },
  {
    path: '/orders',
    labelKey: 'nav.orders',
    icon: ReceiptLongOutlined,
    roles: ['operator', 'dealer'],
    element: <OrdersPage />,
  },
  {
    path: '/invoices',
    labelKey: 'nav.invoices',
    icon: ReceiptOutlined,
    roles: ['operator', 'dealer'],
    element: <InvoicesPage />,
  },
  {
    path: '/renewals',
    labelKey: 'nav.renewals',
    icon: AutorenewOutlined,
    roles: ['dealer'],
    element: <RenewalsPage />,
  },
  {
    path: '/notifications',
    labelKey: 'nav.notifications',
    icon: NotificationsOutlined,
    roles: ['dealer'],
    element: <NotificationsPage />,
  },
  {
    path: '/maintenance',
    labelKey: 'nav.maintenance',
    icon: BuildOutlined,
    roles: ['dealer'],
    element: <MonitoringPage />,
  },
  {
    path: '/maintenance/contacts',
    labelKey: 'nav.maintenance',
    icon: BuildOutlined,
    roles: ['dealer'],
    navRoles: [],
    element: <MaintenanceContactsPage />,
  },
  {
    path: '/maintenance/devices/:id',
    labelKey: 'nav.maintenance',
    icon: BuildOutlined,
    roles: ['dealer'],
    navRoles: [],
    element: <MaintenanceDevicePage />,
  },
  {
    path: '/members',
    labelKey: 'nav.members',
    icon: BadgeOutlined,
    roles: ['dealer'],
    element: <MembersPage />,
  },
  {
    path: '/integrations',
    labelKey: 'nav.integrations',
    icon: HubOutlined,
    roles: ['dealer'],
    element: <IntegrationsPage />,
  },
  {
    path: '/secondary-dealers',
    labelKey: 'nav.dealers',
    icon: StorefrontOutlined,
    roles: ['dealer'],
    navRoles: [],
    element: <DealersPage />,
  },
  {
    path: '/devices',
    labelKey: 'nav.devices',
    icon: VideocamOutlined,
    roles: ['customer', 'shared_user'],
    element: <DevicesPage />,
  },
  {
    path: '/favorites',
    labelKey: 'nav.favorites',
    icon: StarBorder,
    roles: ['customer', 'shared_user'],
    element: <FavoritesPage />,
  },
  {
    path: '/devices/:id',
    labelKey: 'nav.devices',
    icon: VideocamOutlined,
    roles: ['customer', 'shared_user'],
    navRoles: [],
    element: <DeviceDetailPage />,
  },
  {
    path: '/cameras/:id',
    labelKey: 'nav.devices',
    icon: VideocamOutlined,
    roles: ['customer', 'shared_user'],
    navRoles: [],
    element: <CameraDetailPage />,
  },
  {
    path: '/connection-history',
    labelKey: 'nav.connectionHistory',
    icon: LanOutlined,
    roles: ['customer'],
    element: <ConnectionHistoryPage />,
  },
  {
    path: '/customers/:customerId/devices/:id',
    labelKey: 'nav.customers',
    icon: PeopleOutlined,
    roles: ['dealer'],
    navRoles: [],
    element: <DeviceDetailPage />,
  },
  {
    path: '/customers/:customerId/cameras/:id',
    labelKey: 'nav.customers',
    icon: PeopleOutlined,
    roles: ['dealer'],
    navRoles: [],
    element: <CameraDetailPage />,
  },
  {
    path: '/licenses',
    labelKey: 'nav.licenses',
    icon: KeyOutlined,
    roles: ['customer'],
    element: <CustomerLicensesPage />,
  },
  {
    path: '/shared-users',
    labelKey: 'nav.sharedUsers',
    icon: GroupOutlined,
    roles: ['customer'],
    element: <SharedUsersPage />,
  },
  {
    path: '/events',
    labelKey: 'nav.events',
    icon: EventNoteOutlined,
    roles: ['customer', 'shared_user'],
    element: <EventsPage />,
  },
  {
    path: '/remote-maintenance',
    labelKey: 'nav.remoteMaintenance',
    icon: BuildOutlined,
    roles: ['customer'],
    element: <RemoteMaintenancePage />,
  },
  {
    path: '/event-notifications',
    labelKey: 'nav.eventNotifications',
    icon: NotificationsOutlined,
    roles: ['customer', 'shared_user'],
    element: <NotificationSettingsPage />,
  },
  {
    path: '/bulk-operations',
    labelKey: 'nav.bulkOperations',
    icon: DynamicFeedOutlined,
    roles: ['customer'],
    element: <BulkOperationsPage />,
  },
  {
    path: '/announcements',
    labelKey: 'nav.announcements',
    icon: CampaignOutlined,
    roles: ['operator'],
    element: <AnnouncementsPage />,
  },
  {
    path: '/messages',
    labelKey: 'nav.messages',
    icon: MessageOutlined,
    roles: ['customer', 'shared_user', 'dealer'],
    element: <MessagesPage />,
  },
  {
    path: '/help',
    labelKey: 'nav.help',
    icon: HelpOutlineOutlined,
    roles: ALL_ROLES,
    element: <HelpPage />,
  },
  {
    path: '/account',
    labelKey: 'nav.account',
    icon: AccountCircleOutlined,
    roles: ['dealer', 'customer'],
    element: <AccountPage />,
  },
];

/** The pages a role sees in the navigation. */
export function navPagesFor(role: Role, devSurface: boolean): AppPage[] {
  return APP_PAGES.filter((p) => (p.navRoles ?? p.roles).includes(role) && (!p.devOnly || devSurface));
}
