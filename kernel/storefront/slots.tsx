import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PluginHost } from '../plugins/host.js';
import { collectFills } from '../ui/slots.js';

/** A storefront slot's fills, each in an element naming its plugin; nothing when no enabled plugin fills it. */
export async function renderFills(
  c: Context,
  host: PluginHost,
  name: string,
  props: Record<string, unknown>,
): Promise<Child> {
  const fills = await collectFills(c, host, name, props);
  if (!fills.length) return null;
  return (
    <div data-slot={name}>
      {fills.map((f) => (
        <div data-plugin={f.pluginId}>{f.content as Child}</div>
      ))}
    </div>
  );
}
