import type { KernelKey } from '../i18n/locales/index.js';
import type { Translate } from '../i18n/messages.js';
import { PRESET_ROLES, type PresetRole } from './permissions.js';

/**
 * A vendor role's name as shown: a preset role (stored with its English name) in the reader's language, a custom
 * role exactly as its vendor typed it.
 */
export function roleLabel(t: Translate<KernelKey>, role: { name: string; preset?: string | null }): string {
  return role.preset && (PRESET_ROLES as readonly string[]).includes(role.preset)
    ? t(`role.preset.${role.preset as PresetRole}`)
    : role.name;
}
