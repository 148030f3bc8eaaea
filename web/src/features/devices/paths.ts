/** Customer pages live at /devices and /cameras; a dealer reads its customer's under /customers/:id. */
export function devicePath(deviceId: string, customerId?: string): string {
  return customerId ? `/customers/${customerId}/devices/${deviceId}` : `/devices/${deviceId}`;
}

export function cameraPath(cameraId: string, customerId?: string): string {
  return customerId ? `/customers/${customerId}/cameras/${cameraId}` : `/cameras/${cameraId}`;
}
