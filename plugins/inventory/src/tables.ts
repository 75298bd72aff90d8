export const T = {
  locations: 'inventory__locations',
  stock: 'inventory__stock',
  adjustments: 'inventory__adjustments',
  reservations: 'inventory__reservations',
} as const;

export interface StockRow {
  id: number;
  vendor_id: number;
  variant_id: number;
  location_id: number;
  on_hand: number;
  reserved: number;
  low_stock_threshold: number | null;
}

/** A stock level as the API shows it. */
export interface StockLevel {
  variantId: number;
  locationId: number;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number | null;
  low: boolean;
}

export const toLevel = (r: StockRow): StockLevel => ({
  variantId: Number(r.variant_id),
  locationId: Number(r.location_id),
  onHand: r.on_hand,
  reserved: r.reserved,
  available: r.on_hand - r.reserved,
  lowStockThreshold: r.low_stock_threshold,
  low: r.low_stock_threshold !== null && r.on_hand - r.reserved <= r.low_stock_threshold,
});

/** Whether a change from `before` to `after` crossed the threshold downwards: the moment to emit `inventory.low`. */
export function crossedLow(before: { available: number }, after: StockRow): boolean {
  const t = after.low_stock_threshold;
  return t !== null && after.on_hand - after.reserved <= t && before.available > t;
}
