/**
 * Stable numeric error codes returned as `code` in every error response
 * (`{statusCode, code, message}`). Codes from the vendor portal manual (seed 001 §7.2)
 * are reused where one fits; the rest are ours. Never renumber a code once released.
 */
export const ErrorCode = {
  // ---- generic (1000xx, HTTP-like 1004xx/1005xx) ----
  VALIDATION: 100001,
  MALFORMED_JSON: 100002,
  // request hardening (issue 11)
  TEXT_INVALID_CHARACTERS: 100400,
  UNAUTHENTICATED: 100401,
  FORBIDDEN: 100403,
  NOT_FOUND: 100404,
  ROUTE_NOT_FOUND: 100405,
  CONFLICT: 100409,
  PAYLOAD_TOO_LARGE: 100413,
  URI_TOO_LONG: 100414,
  RATE_LIMITED: 100429,
  HEADERS_TOO_LARGE: 100431,
  /** 500 (with an `errorId`): released as 500006 before the blocks existed; never renumbered. */
  INTERNAL: 500006,
  // reliability: outages the client should retry
  /** 503 with `Retry-After`: the database is unreachable for a moment (restarting, failing over). */
  DATABASE_UNAVAILABLE: 100503,

  // ---- dealers and customers (2001xx, 2002xx) ----
  LOGIN_ID_INVALID: 200101,
  LOGIN_ID_TAKEN: 200102,
  LAST_OWNER: 200103,
  EMAIL_LOCKED_AFTER_ASSIGNMENT: 200201,

  // ---- dealer suspension by the operator (2003xx, issue 14 §2.3) ----
  /** 403 at sign-in, with an API key and on refresh; 401 on an access token (the session ended). */
  DEALER_SUSPENDED: 200301,

  // ---- licenses and billing (3001xx stock and SKUs, 3002xx orders, 3003xx EC site, 3004xx renewal requests) ----
  STOCK_SHORT: 300101,
  SKU_UNKNOWN: 300102,
  SKU_CODE_TAKEN: 300103,
  SKU_INACTIVE: 300104,
  CUSTOMER_DEACTIVATED: 300105,
  IDEMPOTENCY_KEY_REUSED: 300201,
  ORDER_TRANSITION: 300202,
  PAYMENT_EXCEEDS_DUE: 300203,
  ORDER_DUPLICATE_SKU: 300204,
  INVOICE_DUE_BEFORE_ISSUE: 300205,
  EC_SIGNATURE_INVALID: 300301,
  EC_TIMESTAMP_STALE: 300302,
  RENEWAL_NOT_DUE: 300400,
  RENEWAL_ALREADY_REQUESTED: 300401,
  RENEWAL_NOTE_TOO_LONG: 300402,
  RENEWAL_REQUEST_HANDLED: 300403,

  // ---- auth (4002xx are seed 001 §7.2's codes; ours 4003xx links, 4010xx sessions, 4030xx refusals) ----
  VERIFICATION_CODE_EXPIRED: 400210,
  VERIFICATION_CODE_WRONG: 400211,
  VERIFICATION_CODE_LOCKED: 400212,
  INVALID_CREDENTIALS: 400224,
  ACCOUNT_LOCKED: 400225,
  ALREADY_REGISTERED: 400229,
  PASSWORD_POLICY: 400240,
  NAME_MISSING: 400249,
  NAME_TOO_LONG: 400250,
  LINK_INVALID: 400301,
  LINK_EXPIRED: 400302,
  REFRESH_TOKEN_INVALID: 401001,
  REFRESH_TOKEN_REUSED: 401002,
  SESSION_IDLE_TIMEOUT: 401003,
  SESSION_REVOKED: 401004,
  ACCESS_TOKEN_EXPIRED: 401005,
  INITIAL_PASSWORD_EXPIRED: 401006,
  PASSWORD_CHANGE_REQUIRED: 403001,
  NOT_ALLOWED_IN_PROXY_SESSION: 403002,
  NOT_A_PROXY_SESSION: 403003,

  // ---- devices (5001xx devices, 5002xx lapse enforced by the server, 5003xx sharing) ----
  /** The seed's code (seed 001 §7.2) for the shared-user limit; it stays outside the blocks. */
  SHARED_USER_LIMIT: 500007,
  /** The seed's code (seed 001 §7.2) for a reservation time in the past; it stays outside the blocks. */
  RESERVATION_IN_PAST: 50401,
  DEVICE_SERIAL_TAKEN: 500101,
  DIRECT_CAMERA_LIMIT: 500102,
  CAMERA_ALREADY_LICENSED: 500103,
  LICENSE_KIND_MISMATCH: 500104,
  LICENSE_NOT_BOUND: 500105,
  DEVICE_EXCHANGE_INVALID: 500106,
  DUPLICATE_CHANNEL: 500107,
  // lapse enforced by the server (issue 12)
  /** 403: the capability gate refused (details: CapabilityRefusal; the message names the license state). */
  LICENSE_REQUIRED: 500201,
  /** 400: the operation is not supported by this device type (e.g. firmware update of a camera). */
  OPERATION_NOT_SUPPORTED: 500202,
  /** 409: the firmware update has started on the device; the reservation can no longer change. */
  FIRMWARE_UPDATE_STARTED: 500203,
  /** 404: there is no firmware-update reservation to cancel. */
  NO_FIRMWARE_RESERVATION: 500204,
  /** 403: a selling dealer reads device telemetry only through a maintenance link or a proxy session. */
  DEALER_NEEDS_MAINTENANCE_LINK: 500205,
  // shared users, camera sharing, folders, stream grants (issue 13).
  // 400229/400249/400250/500007/400224 above are reused as seed 001 §7.2 names them.
  STREAM_CAMERA_UNLICENSED: 500301,
  SHARED_PERMISSION_MISSING: 500302,
  CAMERA_NOT_SHARED: 500303,
  FOLDER_TOO_DEEP: 500304,
  FOLDER_FULL: 500305,

  // ---- maintenance links (6001xx) ----
  MAINTENANCE_DEALER_MISMATCH: 600101,
  MAINTENANCE_LINK_RATE_LIMITED: 600102,
  MAINTENANCE_CONTACTS_LIMIT: 600103,
  MAINTENANCE_CONTACT_DUPLICATE: 600104,
  MAINTENANCE_UNLICENSED: 600105,

  // ---- dealer integrations: webhooks and API keys (7001xx, issue #17) ----
  WEBHOOK_URL_INVALID: 700101,
  WEBHOOK_URL_FORBIDDEN: 700102,
  WEBHOOK_EVENTS_INVALID: 700103,
  WEBHOOK_ENDPOINT_LIMIT: 700104,
  API_KEY_INVALID: 700105,
  API_KEY_RATE_LIMITED: 700106,
  API_KEY_LIMIT: 700107,
  API_KEY_NOT_ALLOWED: 700108,
  WEBHOOK_DELIVERY_BUSY: 700109,

  // ---- events, notifications, announcements, terms, bulk operations (8001xx, issue #15) ----
  TERMS_VERSION_OUTDATED: 800101,
  BULK_NOT_A_RECORDER: 800102,
  BULK_DEVICE_NOT_FOUND: 800103,

  // ---- jobs and dev surface (9001xx) ----
  UNKNOWN_JOB: 900101,
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** Present on 500s: quote it when reporting the problem. */
  errorId?: string;
  /** Extra machine-readable details, e.g. `lockedUntil` on 400225. */
  details?: Record<string, unknown>;
}
