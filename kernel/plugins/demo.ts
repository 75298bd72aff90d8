import type { Logger } from 'pino';
import type { DemoVendor } from './definition.js';
import type { PluginHost } from './host.js';

/**
 * Runs the plugins' `demo` hooks for the demo vendors, at start when demo seeding is on. Plugins go in load order
 * (dependencies first); each hook gets one vendor at a time, and only vendors on a platform where the plugin is
 * enabled. A failing hook is logged and the others go on: demo data never stops a start.
 */
export async function runPluginDemos(
  host: PluginHost,
  vendors: Omit<DemoVendor, 'platformIds'>[],
  platformsOf: (vendorId: number) => number[],
  logger: Logger,
): Promise<void> {
  const snapshot = host.snapshot();
  for (const [id, plugin] of host.loaded) {
    const hook = plugin.definition.demo;
    if (!hook || !host.isServing(id)) continue;
    for (const vendor of vendors) {
      const platformIds = platformsOf(vendor.id).filter((p) => snapshot.isEnabled(p, id));
      if (!platformIds.length) continue;
      try {
        await hook(plugin.context, { ...vendor, platformIds });
      } catch (err) {
        logger.error({ err, plugin: id, vendor: vendor.code }, 'plugin demo seed failed');
      }
    }
  }
}
