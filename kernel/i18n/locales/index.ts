import { defineMessages } from '../messages.js';
import { de } from './de.js';
import { en, type KernelKey } from './en.js';
import { fr } from './fr.js';

export type { KernelKey };

/** The kernel's catalogues: the shell, sign-in, menus and the kernel's own pages. */
export const KERNEL_MESSAGES = defineMessages<KernelKey>(en, { fr, de });
