// A time-series chart (uPlot) with the failure windows shaded and the replay time marked.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: number[];
}

export interface TimeChartProps {
  title: string;
  unit: string;
  timeS: number[];
  series: ChartSeries[];
  /** [start, end] seconds of each failure, shaded. */
  windows: [number, number][];
  /** Replay position, seconds; a vertical line. */
  markerS: number | null;
  width: number;
  height: number;
}

export function TimeChart({ title, unit, timeS, series, windows, markerS, width, height }: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const extra = useRef({ windows, markerS });
  extra.current = { windows, markerS };

  useEffect(() => {
    if (!host.current) return;
    const opts: uPlot.Options = {
      title,
      width,
      height,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        { label: 'time (s)', size: 32, labelSize: 14, font: '11px system-ui', labelFont: '11px system-ui' },
        { label: unit, size: 52, labelSize: 14, font: '11px system-ui', labelFont: '11px system-ui' },
      ],
      series: [{ label: 't (s)' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, ...(s.dash ? { dash: s.dash } : {}), spanGaps: false }))],
      hooks: {
        drawClear: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.fillStyle = 'rgba(220, 38, 38, 0.12)';
            for (const [a, b] of extra.current.windows) {
              const x0 = u.valToPos(a, 'x', true);
              const x1 = u.valToPos(b, 'x', true);
              ctx.fillRect(x0, u.bbox.top, Math.max(2, x1 - x0), u.bbox.height);
            }
            ctx.restore();
          },
        ],
        draw: [
          (u) => {
            const t = extra.current.markerS;
            if (t === null) return;
            const x = u.valToPos(t, 'x', true);
            u.ctx.save();
            u.ctx.strokeStyle = '#0f172a';
            u.ctx.lineWidth = 1.5;
            u.ctx.beginPath();
            u.ctx.moveTo(x, u.bbox.top);
            u.ctx.lineTo(x, u.bbox.top + u.bbox.height);
            u.ctx.stroke();
            u.ctx.restore();
          },
        ],
      },
    };
    const data = [timeS, ...series.map((s) => s.values)] as uPlot.AlignedData;
    plot.current = new uPlot(opts, data, host.current);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
    // The chart is rebuilt when its data or shape changes; the marker redraws without a rebuild.
  }, [title, unit, timeS, series, width, height]);

  useEffect(() => {
    plot.current?.redraw(false);
  }, [markerS, windows]);

  return <div ref={host} className="time-chart" role="img" aria-label={`${title} over time`} />;
}
