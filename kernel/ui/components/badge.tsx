import type { Child } from 'hono/jsx';

export type BadgeTone = 'gray' | 'green' | 'yellow' | 'red' | 'blue';

// Text colours are the 800 shades on 50/100 backgrounds: contrast above 4.5:1 (WCAG AA).
const TONES: Record<BadgeTone, string> = {
  gray: 'bg-gray-100 text-gray-800 ring-gray-300',
  green: 'bg-green-50 text-green-800 ring-green-300',
  yellow: 'bg-yellow-50 text-yellow-800 ring-yellow-300',
  red: 'bg-red-50 text-red-800 ring-red-300',
  blue: 'bg-blue-50 text-blue-800 ring-blue-300',
};

/** A short status label, such as `enabled` or `suspended`. */
export function Badge(props: { tone?: BadgeTone; children: Child }) {
  return (
    <span
      class={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[props.tone ?? 'gray']}`}
    >
      {props.children}
    </span>
  );
}
