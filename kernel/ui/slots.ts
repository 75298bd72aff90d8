import type { Context } from 'hono';
import type { PluginHost } from '../plugins/host.js';

export interface SlotFill {
  pluginId: string;
  content: unknown;
}

/**
 * Renders a slot: the fills of every loaded plugin enabled on the request's platform, in plugin id order. A fill
 * that throws is left out and logged, so one broken plugin cannot break the page that offers the slot.
 */
export async function renderSlot(
  c: Context,
  host: PluginHost,
  slot: string,
  props: Record<string, unknown>,
): Promise<SlotFill[]> {
  const platform = c.get('platform');
  const snapshot = c.get('pluginSnapshot');
  if (!platform || !snapshot) return [];
  const fills: SlotFill[] = [];
  const plugins = [...host.loaded.values()].sort((a, b) =>
    a.discovered.manifest.id.localeCompare(b.discovered.manifest.id),
  );
  for (const plugin of plugins) {
    const id = plugin.discovered.manifest.id;
    const fill = plugin.definition.slots?.fills?.[slot];
    if (!fill || !snapshot.isEnabled(platform.id, id)) continue;
    try {
      fills.push({ pluginId: id, content: await fill({ ...props, principal: c.get('principal') }, plugin.context) });
    } catch (err) {
      plugin.context.logger.error({ err, slot }, 'slot fill failed');
    }
  }
  return fills;
}
