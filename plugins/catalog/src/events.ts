/** The catalog's events on the kernel bus. Each names the platform the change came through, and the vendor. */
export interface ProductEvent {
  platformId: number;
  vendorId: number;
  productId: number;
  slug: string;
  status: 'draft' | 'active' | 'archived';
}

declare module '@orion/sdk' {
  interface OrionEvents {
    'catalog.product.created': ProductEvent;
    'catalog.product.updated': ProductEvent & { changed: string[] };
    'catalog.product.deleted': ProductEvent;
  }
}
