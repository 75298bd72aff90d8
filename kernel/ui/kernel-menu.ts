import type { KernelMenuItem, MenuArea } from './menu.js';

/** The kernel's own menu items; plugins add theirs with `menu` in `definePlugin`. */
export const KERNEL_MENU: Record<MenuArea, KernelMenuItem[]> = {
  admin: [
    {
      id: 'dashboard',
      label: 'Dashboard',
      href: '/',
      icon: 'layout-dashboard',
      section: 'Overview',
      order: 0,
      mandatory: true,
    },
    { id: 'vendors', label: 'Vendors', href: '/vendors', icon: 'store', section: 'Tenants', order: 10 },
    { id: 'users', label: 'Users', href: '/users', icon: 'users', section: 'Tenants', order: 20 },
    {
      id: 'platforms',
      label: 'Platforms',
      href: '/platforms',
      icon: 'settings',
      section: 'Platform',
      order: 5,
      mandatory: true,
    },
    {
      id: 'plugins',
      label: 'Plugins',
      href: '/plugins',
      icon: 'puzzle',
      section: 'Platform',
      order: 10,
      alsoCurrentUnder: ['/platforms/*/plugins'],
      mandatory: true,
    },
    { id: 'audit-log', label: 'Audit log', href: '/audit-log', icon: 'scroll-text', section: 'Platform', order: 20 },
    {
      id: 'mail',
      label: 'Outgoing mail',
      href: '/mail',
      icon: 'mail',
      section: 'Platform',
      order: 30,
      superAdmin: true,
    },
  ],
  vendor: [
    {
      id: 'dashboard',
      label: 'Dashboard',
      href: '/',
      icon: 'layout-dashboard',
      section: 'Overview',
      order: 0,
      mandatory: true,
    },
    {
      id: 'team',
      label: 'Team',
      href: '/team',
      icon: 'users',
      section: 'Shop',
      order: 10,
      permission: 'team.view',
    },
  ],
};
