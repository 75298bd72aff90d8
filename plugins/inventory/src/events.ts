/** Inventory's events on the kernel bus. */
export interface LowStockEvent {
  /** The platform the change came through; absent when a service caller did not say. */
  platformId?: number;
  vendorId: number;
  variantId: number;
  locationId: number;
  available: number;
  threshold: number;
}

declare module '@orion/sdk' {
  interface OrionEvents {
    /** Available stock (on hand − reserved) fell to or below the low-stock threshold. */
    'inventory.low': LowStockEvent;
  }
}
