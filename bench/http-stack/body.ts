/** What every target of this benchmark answers. */
export const BODY = { id: 1, name: 'Lamp', priceMinor: 1999 };
