import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Money } from '../money/index.js';
import { ROOT } from '../paths.js';
import { SUPPORTED_LANGUAGES } from '../tenancy/language.js';
import { ADMIN_ROLES } from '../tenancy/user-service.js';
import { KERNEL_MENU } from '../ui/kernel-menu.js';
import { missingEnglishKeys, strayKeys } from './coverage.js';
import { formatters } from './format.js';
import { KERNEL_MESSAGES } from './locales/index.js';
import { createTranslator, defineMessages } from './messages.js';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('message catalogues', () => {
  it('has an English message for every key the kernel code translates', () => {
    assert.deepEqual(missingEnglishKeys(KERNEL_MESSAGES, path.join(ROOT, 'kernel')), []);
  });

  it('reports a key used by code that English lacks', () => {
    const messages = defineMessages({ 'shell.skip': 'Skip' });
    const missing = missingEnglishKeys(messages, path.join(ROOT, 'kernel', 'ui'));
    assert.ok(
      missing.some((m) => m.startsWith('shell.signOut (')),
      missing.join(', '),
    );
  });

  it('names every kernel menu item, section, language and administrator role in English', () => {
    for (const [area, items] of Object.entries(KERNEL_MENU)) {
      for (const item of items) {
        assert.ok(`menu.${area}.${item.id}` in KERNEL_MESSAGES.en, `menu.${area}.${item.id}`);
        assert.ok(`menu.section.${item.section}` in KERNEL_MESSAGES.en, `menu.section.${item.section}`);
      }
    }
    for (const lang of SUPPORTED_LANGUAGES) assert.ok(`language.${lang}` in KERNEL_MESSAGES.en, lang);
    for (const role of ADMIN_ROLES) assert.ok(`adminUser.role.${role}` in KERNEL_MESSAGES.en, role);
  });

  it('translates the shell, sign-in and menus fully in French and German, with no stray key', () => {
    const required = Object.keys(KERNEL_MESSAGES.en).filter((k) => /^(shell|login|menu|language)\./.test(k));
    for (const lang of ['fr', 'de']) {
      assert.deepEqual(strayKeys(KERNEL_MESSAGES, lang), [], lang);
      const missing = required.filter((k) => !(k in (KERNEL_MESSAGES[lang] ?? {})));
      assert.deepEqual(missing, [], `${lang} lacks these keys`);
    }
  });

  it('translates the shell, sign-in, password reset, invitations, Dashboard and Team fully in Luxembourgish', () => {
    // The rule for lb: these parts are complete (no English in the frame or before sign-in); other pages fall back
    // to English key by key, which createTranslator does.
    assert.deepEqual(strayKeys(KERNEL_MESSAGES, 'lb'), []);
    const required = Object.keys(KERNEL_MESSAGES.en).filter((k) =>
      /^(shell|login|menu|language|form|reset|confirm|invitation|dashboard|team)\./.test(k),
    );
    const missing = required.filter((k) => !(k in (KERNEL_MESSAGES.lb ?? {})));
    assert.deepEqual(missing, [], 'lb lacks these keys');
    const t = createTranslator(KERNEL_MESSAGES, 'lb');
    assert.equal(t('shell.signOut'), 'Ofmellen');
    assert.equal(t('apiKeys.title'), KERNEL_MESSAGES.en['apiKeys.title'], 'an untranslated page falls back to English');
  });

  it('translates every kernel key in French and German', () => {
    for (const lang of ['fr', 'de']) {
      const missing = Object.keys(KERNEL_MESSAGES.en).filter((k) => !(k in (KERNEL_MESSAGES[lang] ?? {})));
      assert.deepEqual(missing, [], `${lang} lacks these keys`);
    }
  });

  it('falls back to English per key, and fills in parameters', () => {
    const messages = defineMessages({ hello: 'Hello {name}', bye: 'Goodbye' }, { fr: { hello: 'Bonjour {name}' } });
    const t = createTranslator(messages, 'fr');
    assert.equal(t('hello', { name: 'Ana' }), 'Bonjour Ana');
    assert.equal(t('bye'), 'Goodbye');
    assert.equal(createTranslator(messages, 'lb')('hello', { name: 'Jo' }), 'Hello Jo');
  });

  it('formats a date and an amount per locale', () => {
    const day = new Date('2026-11-28T10:00:00Z');
    const eur = Money.of(123456, 'EUR');
    assert.equal(formatters('en').date(day), 'Nov 28, 2026');
    assert.equal(formatters('fr').date(day), '28 nov. 2026');
    assert.equal(formatters('de').date(day), '28.11.2026');
    assert.equal(nbsp(formatters('fr').money(eur)), '1 234,56 €');
    assert.equal(nbsp(formatters('de').money(eur)), '1.234,56 €');
    assert.equal(formatters('en').money(eur), '€1,234.56');
  });
});
