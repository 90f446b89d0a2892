import { percentiles } from './stats';
import { renderChart } from './svg-chart';

describe('bench helpers', () => {
  it('computes nearest-rank percentiles', () => {
    const s = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentiles(s)).toEqual({ p50: 500, p99: 990, p999: 999, max: 1000, count: 1000 });
    expect(percentiles([]).count).toBe(0);
  });

  it('renders an SVG with one bar per value and the target line', () => {
    const svg = renderChart('t', [{ title: 'throughput', unit: '/s', bars: [{ label: 'pipeline', value: 1234 }], target: { value: 5000, label: 'target' } }]);
    expect(svg).toContain('<svg');
    expect(svg).toContain('1234');
    expect(svg).toContain('stroke-dasharray');
  });
});
