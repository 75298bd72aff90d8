import { defineError } from '@orion/sdk';

export interface Shortage {
  variantId: number;
  requested: number;
  available: number;
}

/** Inventory's expected failures. Another vendor's ids answer like unknown ids: 404. */
export const InventoryErrors = {
  OutOfStock: defineError<{ shortages: Shortage[] }>({
    code: 'INVENTORY_OUT_OF_STOCK',
    category: 'conflict',
    title: 'Out of stock',
    detail: (p) =>
      `Not enough stock: ${p.shortages
        .map((s) => `variant ${s.variantId} has ${s.available} available, ${s.requested} requested`)
        .join('; ')}.`,
  }),
  VariantNotFound: defineError<{ id: number }>({
    code: 'INVENTORY_VARIANT_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No variant ${p.id} in this shop.`,
  }),
  LocationNotFound: defineError<{ id: number }>({
    code: 'INVENTORY_LOCATION_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No location ${p.id} in this shop.`,
  }),
  ReservationNotFound: defineError<{ orderRef: string }>({
    code: 'INVENTORY_RESERVATION_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No open reservation for order ${p.orderRef} in this shop.`,
  }),
  AlreadyReserved: defineError<{ orderRef: string }>({
    code: 'INVENTORY_ALREADY_RESERVED',
    category: 'conflict',
    title: 'Already reserved',
    detail: (p) => `Order ${p.orderRef} already holds a reservation: release or commit it first.`,
  }),
  BelowReserved: defineError<{ variantId: number; reserved: number; onHand: number }>({
    code: 'INVENTORY_BELOW_RESERVED',
    category: 'conflict',
    title: 'Stock would fall below what is reserved',
    detail: (p) =>
      `Variant ${p.variantId} would have ${p.onHand} on hand but ${p.reserved} are reserved for orders; release them first.`,
  }),
  LocationTaken: defineError<{ name: string }>({
    code: 'INVENTORY_LOCATION_TAKEN',
    category: 'conflict',
    title: 'Already taken',
    detail: (p) => `This shop already has a location named "${p.name}".`,
  }),
} as const;
