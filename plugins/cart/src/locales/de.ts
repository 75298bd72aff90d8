import type { en } from './en.js';

export const de: Partial<Record<keyof typeof en, string>> = {
  'cart.title': 'Ihr Warenkorb',
  'cart.link': 'Warenkorb',
  'cart.empty': 'Ihr Warenkorb ist leer.',
  'cart.continue': 'Weiter einkaufen',
  'cart.item': 'Artikel',
  'cart.price': 'Preis',
  'cart.quantity': 'Menge',
  'cart.quantityOf': 'Menge von {title}',
  'cart.total': 'Summe',
  'cart.update': 'Aktualisieren',
  'cart.remove': 'Entfernen',
  'cart.removeItem': '{title} entfernen',
  'cart.subtotal': 'Zwischensumme',
  'cart.checkout': 'Zur Kasse',
  'cart.add': 'In den Warenkorb',
  'cart.added': 'In Ihren Warenkorb gelegt.',
  'cart.updated': 'Ihr Warenkorb wurde aktualisiert.',
  'cart.removed': 'Der Artikel wurde aus Ihrem Warenkorb entfernt.',
  'cart.invalidQuantity': 'Geben Sie eine Menge von 1 bis 999 ein.',
  'cart.attention': 'Bitte prüfen Sie Ihren Warenkorb',
};
