/** A small dependency-free SVG bar chart: one panel per group of bars, with a target line. */
export interface ChartPanel {
  title: string;
  unit: string;
  bars: Array<{ label: string; value: number }>;
  target?: { value: number; label: string };
}

export function renderChart(title: string, panels: ChartPanel[], subtitle = ''): string {
  const w = 360;
  const h = 240;
  const pad = 40;
  const parts: string[] = [];
  panels.forEach((p, i) => {
    const x0 = (i % 3) * w;
    const y0 = 50 + Math.floor(i / 3) * (h + 20);
    const max = Math.max(...p.bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)), p.target?.value ?? 0, 1) * 1.15;
    const bw = (w - 2 * pad) / Math.max(1, p.bars.length) - 10;
    parts.push(`<text x="${x0 + w / 2}" y="${y0 + 14}" text-anchor="middle" font-size="13" font-weight="bold">${esc(p.title)} (${esc(p.unit)})</text>`);
    parts.push(`<line x1="${x0 + pad}" y1="${y0 + h - pad}" x2="${x0 + w - pad}" y2="${y0 + h - pad}" stroke="#444"/>`);
    p.bars.forEach((b, j) => {
      const v = Number.isFinite(b.value) ? b.value : 0;
      const bh = ((h - 2 * pad - 10) * v) / max;
      const x = x0 + pad + 5 + j * (bw + 10);
      const y = y0 + h - pad - bh;
      parts.push(`<rect x="${x}" y="${y}" width="${bw}" height="${bh}" fill="#3b7dd8"/>`);
      parts.push(`<text x="${x + bw / 2}" y="${y - 4}" text-anchor="middle" font-size="11">${fmt(b.value)}</text>`);
      parts.push(`<text x="${x + bw / 2}" y="${y0 + h - pad + 14}" text-anchor="middle" font-size="10">${esc(b.label)}</text>`);
    });
    if (p.target) {
      const ty = y0 + h - pad - ((h - 2 * pad - 10) * p.target.value) / max;
      parts.push(`<line x1="${x0 + pad}" y1="${ty}" x2="${x0 + w - pad}" y2="${ty}" stroke="#d83b3b" stroke-dasharray="5,4"/>`);
      parts.push(`<text x="${x0 + w - pad}" y="${ty - 4}" text-anchor="end" font-size="10" fill="#d83b3b">${esc(p.target.label)}</text>`);
    }
  });
  const rows = Math.ceil(panels.length / 3);
  const height = 60 + rows * (h + 20);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${3 * w}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${(3 * w) / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>
<text x="${(3 * w) / 2}" y="40" text-anchor="middle" font-size="11" fill="#555">${esc(subtitle)}</text>
${parts.join('\n')}
</svg>
`;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  return v >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100);
}

function esc(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);
}
