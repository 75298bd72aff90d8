export interface BarDatum {
  label: string;
  value: number;
}

/**
 * A bar chart rendered on the server as SVG: no script, no library. The SVG is decorative for screen readers
 * (`aria-hidden`); the same figures follow in a visually hidden table, which is what assistive technology reads.
 *
 * @example
 * <BarChart title="New vendors per day" data={[{ label: '11-27', value: 3 }, …]} />
 */
export function BarChart(props: { title: string; data: BarDatum[]; height?: number }) {
  const height = props.height ?? 120;
  const width = 600;
  const gap = 4;
  const max = Math.max(1, ...props.data.map((d) => d.value));
  const barWidth = props.data.length ? (width - gap * (props.data.length - 1)) / props.data.length : width;
  return (
    <figure class="m-0">
      <figcaption class="mb-2 text-sm font-medium text-gray-700">{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + 16}`}
        class="h-auto w-full max-w-2xl text-brand-600"
        aria-hidden="true"
        focusable="false"
      >
        <line x1="0" x2={width} y1={height} y2={height} stroke="#9ca3af" stroke-width="1" />
        {props.data.map((d, i) => {
          const h = Math.round((d.value / max) * (height - 4));
          const x = i * (barWidth + gap);
          return (
            <g>
              <rect x={x} y={height - h} width={barWidth} height={h} rx="2" fill="currentColor" />
              {i % Math.ceil(props.data.length / 7) === 0 ? (
                <text x={x + barWidth / 2} y={height + 13} text-anchor="middle" font-size="11" fill="#4b5563">
                  {d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table class="sr-only">
        <caption>{props.title}</caption>
        <tbody>
          {props.data.map((d) => (
            <tr>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
