import { billingMessages } from '../../features/billing/messages';
import { licensesMessages } from '../../features/licenses/messages';
import { maintenanceMessages } from '../../features/maintenance/messages';
import { authFlowMessages } from '../../features/auth/messages';
import { accountMessages } from '../../features/account/messages';
import { auditMessages } from '../../features/audit/messages';
import { customersMessages } from '../../features/customers/messages';
import { dealersMessages } from '../../features/dealers/messages';
import { membersMessages } from '../../features/members/messages';
import { portalMessagesMessages } from '../../features/messages/messages';
import { proxyMessages } from '../../features/proxy/messages';
import { devicesMessages } from '../../features/devices/messages';
import { notificationsMessages } from '../../features/notifications/messages';
import { sharingMessages } from '../../features/sharing/messages';
import { integrationsMessages } from '../../features/integrations/messages';
import { eventsFeatureMessages } from '../../features/events/messages';
import { renewalRequestsMessages } from '../../features/renewal-requests/messages';

/** English messages. The key set is the reference: `ja.ts` must have exactly the same keys. */
export const en = {
  'app.productName': 'License Console',

  'common.retry': 'Retry',
  'common.loading': 'Loading…',
  'common.refresh': 'Refresh',
  'common.nothingHereYet': 'Nothing here yet',
  'common.goHome': 'Go to the start page',
  'common.rowsPerPage': 'Rows per page',
  'common.displayedRows': '{from}–{to} of {count}',
  'common.displayedRowsMore': '{from}–{to} of more than {to}',
  'common.page.first': 'Go to first page',
  'common.page.last': 'Go to last page',
  'common.page.next': 'Go to next page',
  'common.page.previous': 'Go to previous page',
  'form.required': 'Required.',
  'form.tooLong': 'At most {max} characters (now {length}).',
  'form.email': 'Enter an e-mail address such as name@example.com.',
  'form.phone': 'Enter a phone number: digits, spaces, hyphens and parentheses, such as 03-1234-5678.',
  'form.wholeNumber': 'Enter a whole number in half-width digits (0–9).',
  'form.range': 'Enter a number from {min} to {max}.',
  'filters.show': 'Filters',
  'filters.showActive': 'Filters ({count})',

  'language.en': 'English',
  'language.ja': '日本語',
  'language.switchTo': 'Switch to {language}',

  'nav.label': 'Main navigation',
  'nav.open': 'Open navigation',
  'nav.dashboard': 'Dashboard',
  'nav.dealers': 'Dealers',
  'nav.skus': 'SKUs',
  'nav.jobs': 'Job runs',
  'nav.mailbox': 'Mailbox',
  'nav.auditLog': 'Audit log',
  'nav.customers': 'Customers',
  'nav.stock': 'Stock',
  'nav.assignments': 'Assignments',
  'nav.orders': 'Orders',
  'nav.invoices': 'Invoices',
  'nav.renewals': 'Renewals',
  'nav.maintenance': 'Maintenance',
  'nav.members': 'Members',
  'nav.devices': 'Devices',
  'nav.licenses': 'Licenses',
  'nav.sharedUsers': 'Shared users',
  'nav.events': 'Events',
  'nav.messages': 'Messages',
  'nav.account': 'Account',

  'planned.dealers':
    'Primary and secondary dealers will be listed here with their login IDs, members and license stock.',
  'planned.skus':
    'License SKUs will be listed here: code, names, kind (edge or camera-direct), term in months and prices.',
  'planned.auditLog':
    'Changes made in the console will be listed here: who did what and when, including actions taken in proxy sessions.',
  'planned.customers': 'Your customers will be listed here with their e-mail address, licenses and devices.',
  'planned.stock':
    'The licenses you hold will be listed here by SKU. Licenses in stock do not age until you assign them.',
  'planned.assignments':
    'Every license assignment to your customers will be listed here: what was assigned, when, by whom and to whom.',
  'planned.orders': 'Your license orders will be listed here with their status, invoices and payments.',
  'planned.renewals':
    'Customers whose licenses end soon will be listed here, so that you can offer a renewal in time.',
  'planned.maintenance':
    'Your maintenance contacts (up to five) and the customers who linked their equipment for remote maintenance will be shown here.',
  'planned.members':
    'The people of your company who can sign in will be listed here with their role: owner, manager or staff.',
  'planned.devices':
    'Recorders and cameras will be shown here with their status, license and last connection.',
  'planned.licenses':
    'Your licenses will be listed here with their term, end date and the camera each one covers.',
  'planned.events': 'Events from your cameras will be listed here, newest first.',
  'planned.messages':
    'Notices from the service and from your dealer, such as license reminders, will be listed here.',

  'role.operator': 'Operator',
  'role.dealer': 'Dealer',
  'role.customer': 'Customer',
  'role.shared_user': 'Shared user',
  'memberRole.owner': 'Owner',
  'memberRole.manager': 'Manager',
  'memberRole.staff': 'Staff',

  'userMenu.open': 'Account menu of {name}',
  'userMenu.logout': 'Log out',

  'login.title': 'Sign in',
  'login.subtitle': 'Sign in with your e-mail address or dealer login ID.',
  'login.loginField': 'E-mail or dealer login ID',
  'login.passwordField': 'Password',
  'login.submit': 'Sign in',
  'login.passwordPolicy':
    'Passwords have {min}–{max} characters with upper- and lower-case letters, a digit and one of these symbols: {symbols}',
  'login.reason.idle':
    'You were signed out after {minutes} {minutes|minute|minutes} of inactivity. Please sign in again.',
  'login.reason.idleNoMinutes': 'You were signed out after a period of inactivity. Please sign in again.',
  'login.reason.expired': 'Your session has ended. Please sign in again.',
  'login.reason.deactivated': 'Your account has been deactivated. Thank you for using the service.',
  'login.error.invalidCredentials': 'The login ID or password is wrong.',
  'login.error.locked': 'This account is locked after too many failed sign-ins. You can try again in {time}.',
  'login.error.lockedNoTime':
    'This account is locked after too many failed sign-ins. Please try again later.',
  'login.error.lockedOver': 'The lock has ended. You can sign in again now.',
  'login.error.initialPasswordExpired':
    'Your initial password has expired: it had to be changed within 24 hours. Use “Forgot password” to receive a new verification code.',

  'password.title': 'Change password',
  'password.subtitle': 'Choose a new password for your account.',
  'password.mustChange': 'Please change your password before you continue.',
  'password.changed': 'Your password has been changed.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.submit': 'Change password',
  'password.rulesTitle': 'Password rules',
  'password.ruleMet': 'met',
  'password.ruleNotMet': 'not met yet',
  'password.show': 'Show password',
  'password.hide': 'Hide password',
  'password.mismatch': 'The two new passwords differ.',
  'password.sameAsCurrent': 'The new password must differ from the current one.',
  'password.currentWrong': 'The current password is wrong.',
  'password.policyRefused': 'The new password does not meet the password rules.',

  'dashboard.welcome': 'Welcome, {name}',
  'dashboard.intro.operator':
    'From here you manage dealers, license SKUs and the scheduled jobs of the service.',
  'dashboard.intro.dealer':
    'From here you manage your customers, your license stock and the licenses you assign.',
  'dashboard.intro.customer': 'From here you manage your devices, licenses and shared users.',
  'dashboard.intro.shared_user': 'From here you view the cameras shared with you.',

  'account.subtitle': 'Your sign-in details.',
  'account.name': 'Name',
  'account.email': 'E-mail',
  'account.language': 'Language',
  'account.timeZone': 'Time zone',

  'jobs.title': 'Job runs',
  'jobs.subtitle': 'Recent runs of the scheduled jobs, newest first.',
  'jobs.filterLabel': 'Job',
  'jobs.filterAll': 'All jobs',
  'jobs.empty': 'Runs of the scheduled jobs (expiry sweep, reminders, device liveness) will be listed here.',
  'jobs.runNow': 'Run {name} now',
  'jobs.runStarted': '{name} has run.',
  'jobs.col.name': 'Job',
  'jobs.col.trigger': 'Trigger',
  'jobs.col.slot': 'Slot',
  'jobs.col.started': 'Started',
  'jobs.col.finished': 'Finished',
  'jobs.col.outcome': 'Outcome',
  'jobs.col.counts': 'Counts',
  'jobs.name.expiry-sweep': 'Expiry sweep',
  'jobs.name.reminders': 'Reminders',
  'jobs.name.device-liveness': 'Device liveness',
  'jobs.name.webhooks': 'Webhook deliveries',
  'jobs.name.event-retention': 'Event retention',
  'jobs.trigger.schedule': 'Schedule',
  'jobs.trigger.manual': 'Manual',
  'jobs.outcome.running': 'Running',
  'jobs.outcome.succeeded': 'Succeeded',
  'jobs.outcome.failed': 'Failed',
  'jobs.outcome.abandoned': 'Abandoned (process stopped)',
  'jobs.abandonedHint':
    'The process running this job stopped (killed or crashed) before it finished; the next run does the rest.',

  'mailbox.title': 'Mailbox',
  'mailbox.subtitle': 'E-mails the service has sent in this development environment, newest first.',
  'mailbox.filterLabel': 'Recipient',
  'mailbox.filterPlaceholder': 'name@example.com',
  'mailbox.empty': 'E-mails the service sends (invitations, password resets, reminders) will appear here.',
  'mailbox.emptyFiltered': 'E-mails sent to {to} will appear here.',
  'mailbox.to': 'To',
  'mailbox.template': 'Template',
  'mailbox.language': 'Language',
  'mailbox.created': 'Queued',
  'mailbox.sent': 'Sent',
  'mailbox.attempts': 'Attempts',
  'mailbox.viewHtml': 'HTML',
  'mailbox.viewText': 'Text',
  'mailbox.viewData': 'Template data',
  'mailbox.htmlFrameTitle': 'E-mail as HTML',
  'mailbox.status.pending': 'Pending',
  'mailbox.status.sent': 'Sent',
  'mailbox.status.failed': 'Failed',

  'devClock.real': 'Service time',
  'devClock.overridden': 'Service time (moved by a developer)',
  'dev.unavailable': 'Not available here',
  'dev.unavailableHint': 'Developer tools are only available in development and test environments.',

  'error.loadFailed': 'Could not load this page',
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.internal': 'The server ran into a problem. Please try again later.',
  'error.dealerSuspended': 'This dealer account is suspended; contact the operator.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.notFound': 'This item does not exist (any more).',
  'error.rateLimited': 'Too many requests. Please wait a moment and try again.',
  'error.passwordChangeRequired': 'Please change your password first.',
  'error.notAllowedInProxySession': 'This is not allowed while signed in on behalf of a customer.',
  'error.errorId': 'Error ID: {id}',
  'error.notForYourRole': 'This page is not available to you',
  'error.notForYourRoleHint': 'Use the navigation to find the pages for your account.',
  'error.pageNotFound': 'Page not found',
  'error.pageNotFoundHint': 'The address may be mistyped, or the page has moved.',
  ...authFlowMessages.en,
  ...dealersMessages.en,
  ...customersMessages.en,
  ...proxyMessages.en,
  ...auditMessages.en,
  ...membersMessages.en,
  ...portalMessagesMessages.en,
  ...accountMessages.en,
  ...billingMessages.en,
  ...licensesMessages.en,
  ...maintenanceMessages.en,
  ...devicesMessages.en,
  ...notificationsMessages.en,
  ...sharingMessages.en,
  ...integrationsMessages.en,
  ...eventsFeatureMessages.en,
  ...renewalRequestsMessages.en,
} satisfies Record<string, string>;
