/** The authenticated device on a request (set by the global guard for `Authorization: Device …`). */
export interface AuthDevice {
  deviceId: string;
  customerId: string;
  /** The device's entitlements version as the guard's credential lookup read it. */
  entitlementsVersion?: number;
}

/**
 * Looks up a device by its credential for the global guard. `common/` imports no feature: the
 * devices feature implements this (`DeviceCredentialLookup`) and AppModule provides it under
 * this class as token.
 */
export abstract class DeviceCredentialVerifier {
  /** The live device holding this credential, or null. */
  abstract verify(credential: string): Promise<AuthDevice | null>;
}
