/**
 * The SQL twin of `isLicenseValid` (shared/src/license-gate.ts): a license is valid up to and
 * including its `ends_at` and has ended only once `now > ends_at` (SPEC §2). Every query that asks
 * "valid?" or "ended?" uses these fragments — the expiry sweep, entitlements, the capability gate,
 * reminders and the portal's read models — so the boundary millisecond is decided in one place.
 *
 * `col` is the `ends_at` column (e.g. `l.ends_at`), `now` a parameter placeholder (e.g. `$2`).
 */
export const validAt = (col: string, now: string): string => `${col} >= ${now}`;

/** The negation of `validAt`: the license ended before `now`. */
export const endedAt = (col: string, now: string): string => `${col} < ${now}`;

/**
 * "A bound license valid at `now`" for a camera, as a condition on a `license` join/alias
 * (`l.camera_id = c.id AND ${boundValid('l', '$2')}`).
 */
export const boundValid = (alias: string, now: string): string =>
  `${alias}.state = 'bound' AND ${validAt(`${alias}.ends_at`, now)}`;

/**
 * "This camera has a valid bound license at `now`", a boolean SQL expression for a camera alias.
 */
export const cameraLicensedSql = (camera: string, now: string): string =>
  `EXISTS (SELECT 1 FROM license lv WHERE lv.camera_id = ${camera}.id AND ${boundValid('lv', now)})`;

/**
 * The device rule (SPEC §3, `deviceLicenseState`) as SQL for a device alias: a recorder with at
 * least one licensed camera, a camera-direct device whose camera is licensed — both are "some
 * live camera of the device is licensed".
 */
export const deviceLicensedSql = (device: string, now: string): string =>
  `EXISTS (SELECT 1 FROM camera cv JOIN license lv ON lv.camera_id = cv.id AND ${boundValid('lv', now)}
            WHERE cv.device_id = ${device}.id AND cv.deleted_at IS NULL)`;

/**
 * "An event of this camera / device may be stored and found" (SPEC §3 remote notification and
 * search): a camera's event needs the camera licensed; an event with no camera (the recorder's
 * own) needs the device rule. `camera` is a (possibly NULL-joined) camera alias; the device is
 * looked up by `camera`'s device or, without a camera, by `device` — an alias bound in a LATERAL
 * or the heartbeat's `$1`. Used by heartbeat intake and event search.
 */
export const eventLicensedSql = (camera: string, device: string, now: string, deviceId = '$1'): string =>
  `(CASE WHEN ${camera}.id IS NOT NULL THEN ${cameraLicensedSql(camera, now)}
         ELSE EXISTS (SELECT 1 FROM device ${device} WHERE ${device}.id = ${deviceId} AND ${deviceLicensedSql(device, now)}) END)`;
