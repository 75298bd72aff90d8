import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { languageOf } from '../i18n/request.js';
import type { PluginHost } from '../plugins/host.js';

export interface SlotFill {
  pluginId: string;
  content: unknown;
}

/**
 * The fills of a slot: those of every loaded plugin enabled on the request's platform, in plugin id order. Every
 * fill gets the page's props plus `principal` and `language` (the request's unless the page passes its own; for
 * `translator(language, messages)`).
 * A fill that throws is left out and logged, so one broken plugin cannot break the page that offers the slot.
 */
export async function collectFills(
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
  const given = { language: languageOf(c), ...props, principal: c.get('principal') };
  for (const plugin of plugins) {
    const id = plugin.discovered.manifest.id;
    const fill = plugin.definition.slots?.fills?.[slot];
    if (!fill || !snapshot.isEnabled(platform.id, id)) continue;
    try {
      fills.push({ pluginId: id, content: await fill(given, plugin.context) });
    } catch (err) {
      plugin.context.logger.error({ err, slot }, 'slot fill failed');
    }
  }
  return fills;
}

type FillsOf = (slot: string, props: Record<string, unknown>) => Promise<SlotFill[]>;

/**
 * A per-request setter (run with the plugin snapshot's): it lets pages that hold no reference to the plugin host
 * (plugin pages, through `renderSlot` of `@orion/sdk/ui`) collect a slot's fills.
 */
export function provideSlots(host: PluginHost): (c: Context) => void {
  return function provideSlots(c) {
    c.set('slotFills', (slot, props) => collectFills(c, host, slot, props));
  };
}

/**
 * Renders a slot that the page offers, for plugin pages (`@orion/sdk/ui`): the fills of the plugins enabled on the
 * request's platform, each in `<div data-plugin="<id>">`, inside `<div data-slot="<slot>">` (with `class`). `null`
 * when no enabled plugin fills it, so an empty slot leaves no wrapper. Await it before `c.render`:
 *
 * @example
 * const sidebar = await renderSlot(c, 'product.sidebar', { vendorId, productId }, { class: 'space-y-4' });
 * return c.render(<aside>{sidebar}</aside>, { title });
 */
export async function renderSlot(
  c: Context,
  slot: string,
  props: Record<string, unknown>,
  options: { class?: string } = {},
): Promise<Child> {
  const fills = (await c.get('slotFills')?.(slot, props)) ?? [];
  if (!fills.length) return null;
  return (
    <div data-slot={slot} class={options.class}>
      {fills.map((f) => (
        <div data-plugin={f.pluginId}>{f.content as Child}</div>
      ))}
    </div>
  );
}

declare module 'hono' {
  interface ContextVariableMap {
    slotFills?: FillsOf;
  }
}
