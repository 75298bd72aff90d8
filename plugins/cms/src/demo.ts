import type { DemoVendor, PluginContext } from '@orion/sdk';
import { createPage, PLATFORM_TABLES, VENDOR_TABLES } from './page-store.js';
import type { PageInput } from './schemas.js';

type Text = { en: [string, string]; fr: [string, string]; de: [string, string] };

/** The platform's default shop pages: every shop inherits them until it writes its own. */
const DEFAULTS: { slug: string; header: boolean; footer: boolean; order: number; text: Text }[] = [
  {
    slug: 'about',
    header: true,
    footer: true,
    order: 10,
    text: {
      en: ['About us', 'We are an independent shop, run by people who care about what they sell.'],
      fr: ['À propos', 'Nous sommes une boutique indépendante, tenue par des gens attentifs à ce qu’ils vendent.'],
      de: ['Über uns', 'Wir sind ein unabhängiger Laden, geführt von Menschen, denen ihre Waren am Herzen liegen.'],
    },
  },
  {
    slug: 'shipping',
    header: false,
    footer: true,
    order: 20,
    text: {
      en: ['Shipping', 'Orders leave within two working days. Delivery in Luxembourg takes one to three days.'],
      fr: ['Livraison', 'Les commandes partent sous deux jours ouvrés. Livraison au Luxembourg en un à trois jours.'],
      de: [
        'Versand',
        'Bestellungen verlassen uns binnen zwei Werktagen. In Luxemburg dauert die Lieferung ein bis drei Tage.',
      ],
    },
  },
  {
    slug: 'returns',
    header: false,
    footer: true,
    order: 30,
    text: {
      en: ['Returns', 'You may return any item within 14 days of delivery, unused and in its packaging.'],
      fr: ['Retours', 'Vous pouvez retourner tout article sous 14 jours après livraison, non utilisé et emballé.'],
      de: [
        'Rücksendungen',
        'Sie können jeden Artikel binnen 14 Tagen nach Lieferung unbenutzt und verpackt zurücksenden.',
      ],
    },
  },
  {
    slug: 'faq',
    header: true,
    footer: true,
    order: 40,
    text: {
      en: ['FAQ', '## Can I change my order?\n\nYes, until it ships: write to us.'],
      fr: ['FAQ', '## Puis-je modifier ma commande ?\n\nOui, jusqu’à son expédition : écrivez-nous.'],
      de: ['FAQ', '## Kann ich meine Bestellung ändern?\n\nJa, bis zum Versand: Schreiben Sie uns.'],
    },
  },
  {
    slug: 'contact',
    header: false,
    footer: true,
    order: 50,
    text: {
      en: ['Contact', 'Write to us any time: we answer within one working day.'],
      fr: ['Contact', 'Écrivez-nous à tout moment : nous répondons sous un jour ouvré.'],
      de: ['Kontakt', 'Schreiben Sie uns jederzeit: Wir antworten binnen eines Werktags.'],
    },
  },
  {
    slug: 'terms',
    header: false,
    footer: true,
    order: 60,
    text: {
      en: ['Terms and conditions', 'These terms apply to every order placed in this shop.'],
      fr: ['Conditions générales', 'Ces conditions s’appliquent à toute commande passée dans cette boutique.'],
      de: ['AGB', 'Diese Bedingungen gelten für jede Bestellung in diesem Shop.'],
    },
  },
  {
    slug: 'privacy',
    header: false,
    footer: true,
    order: 70,
    text: {
      en: ['Privacy', 'We keep only the data your orders need, and never sell it.'],
      fr: ['Confidentialité', 'Nous ne gardons que les données nécessaires à vos commandes, et ne les vendons jamais.'],
      de: ['Datenschutz', 'Wir speichern nur die Daten, die Ihre Bestellungen brauchen, und verkaufen sie nie.'],
    },
  },
];

/** The platform's own site (its domain root): home, pricing and about. */
const MARKETING: typeof DEFAULTS = [
  {
    slug: 'home',
    header: false,
    footer: false,
    order: 0,
    text: {
      en: ['Welcome', '# Shops you can trust\n\nIndependent shops, one address. Browse them below.'],
      fr: [
        'Bienvenue',
        '# Des boutiques de confiance\n\nDes boutiques indépendantes, une seule adresse. Découvrez-les ci-dessous.',
      ],
      de: [
        'Willkommen',
        '# Läden, denen Sie vertrauen\n\nUnabhängige Läden unter einer Adresse. Entdecken Sie sie unten.',
      ],
    },
  },
  {
    slug: 'pricing',
    header: true,
    footer: false,
    order: 10,
    text: {
      en: ['Pricing', 'Open your shop for **free**; we take 2% of each sale, with no monthly fee.'],
      fr: ['Tarifs', 'Ouvrez votre boutique **gratuitement** ; nous prenons 2 % de chaque vente, sans abonnement.'],
      de: ['Preise', 'Eröffnen Sie Ihren Laden **kostenlos**; wir erhalten 2 % jedes Verkaufs, ohne Monatsgebühr.'],
    },
  },
  {
    slug: 'about',
    header: true,
    footer: true,
    order: 20,
    text: {
      en: ['About', 'We bring local shops online, with the tools larger shops have.'],
      fr: ['À propos', 'Nous amenons les boutiques locales en ligne, avec les outils des grandes enseignes.'],
      de: ['Über uns', 'Wir bringen lokale Läden online, mit den Werkzeugen der großen Händler.'],
    },
  },
];

const input = (slug: string, header: boolean, footer: boolean, order: number, text: Text): PageInput => ({
  slug,
  status: 'published',
  showInHeader: header,
  showInFooter: footer,
  navOrder: order,
  translations: (['en', 'fr', 'de'] as const).map((language) => ({
    language,
    title: text[language][0],
    content: text[language][1],
  })),
});

/**
 * Demo pages, each created only when missing (a second start adds nothing, and edits are kept): the platform's
 * default pages (about, shipping, returns, FAQ, contact, terms, privacy) and its own site's marketing pages (home,
 * pricing, about) on the vendor's platforms, and for the
 * first demo vendor an "About us" of its own that overrides the default.
 */
export async function seedCmsDemo(ctx: PluginContext, vendor: DemoVendor): Promise<void> {
  for (const platformId of vendor.platformIds) {
    await ctx.db.transaction(async (trx) => {
      for (const [tier, pages] of [
        ['default', DEFAULTS],
        ['marketing', MARKETING],
      ] as const) {
        const owner = { platform_id: platformId, tier };
        for (const d of pages) {
          const existing = await trx(PLATFORM_TABLES.pages)
            .where({ ...owner, slug: d.slug })
            .first('id');
          if (!existing)
            await createPage(trx, PLATFORM_TABLES, owner, input(d.slug, d.header, d.footer, d.order, d.text));
        }
      }
    });
  }
  if (vendor.code !== 'fashion-hub') return;
  await ctx.withTenant({ vendorId: vendor.id }, async (trx) => {
    const own = { vendor_id: vendor.id };
    if (
      await trx(VENDOR_TABLES.pages)
        .where({ ...own, slug: 'about' })
        .first('id')
    )
      return;
    const text: Text = {
      en: ['About Fashion Hub', 'Fashion Hub dresses Luxembourg since 1998, from our shop in the Grand-Rue.'],
      fr: [
        'À propos de Fashion Hub',
        'Fashion Hub habille le Luxembourg depuis 1998, depuis notre boutique de la Grand-Rue.',
      ],
      de: ['Über Fashion Hub', 'Fashion Hub kleidet Luxemburg seit 1998, aus unserem Laden in der Grand-Rue.'],
    };
    await createPage(trx, VENDOR_TABLES, own, input('about', true, true, 10, text), own);
  });
}
