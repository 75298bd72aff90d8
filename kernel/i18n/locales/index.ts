import { defineMessages } from '../messages.js';
import { de } from './de.js';
import { en, type KernelKey } from './en.js';
import { fr } from './fr.js';
import { lb } from './lb.js';

export type { KernelKey };

/**
 * The kernel's catalogues: the shell, sign-in, menus and the kernel's own pages. English is complete, French and
 * German too; Luxembourgish covers the shell, sign-in and the pages before it, the rest falling back to English.
 */
export const KERNEL_MESSAGES = defineMessages<KernelKey>(en, { fr, de, lb });
