import type { en } from './en.js';

export const fr: Partial<Record<keyof typeof en, string>> = {
  'cart.title': 'Votre panier',
  'cart.link': 'Panier',
  'cart.empty': 'Votre panier est vide.',
  'cart.continue': 'Continuer vos achats',
  'cart.item': 'Article',
  'cart.price': 'Prix',
  'cart.quantity': 'Quantité',
  'cart.quantityOf': 'Quantité de {title}',
  'cart.total': 'Total',
  'cart.update': 'Mettre à jour',
  'cart.remove': 'Retirer',
  'cart.removeItem': 'Retirer {title}',
  'cart.subtotal': 'Sous-total',
  'cart.checkout': 'Passer la commande',
  'cart.add': 'Ajouter au panier',
  'cart.added': 'Ajouté à votre panier.',
  'cart.updated': 'Votre panier a été mis à jour.',
  'cart.removed': "L'article a été retiré de votre panier.",
  'cart.invalidQuantity': 'Saisissez une quantité de 1 à 999.',
  'cart.attention': 'Veuillez vérifier votre panier',
};
