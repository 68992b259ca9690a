import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface Props {
  /** Options without the size: the chart takes its container's width. */
  options: (width: number) => Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  /** What the chart shows, for screen readers (the numbers are also in the CSV). */
  label: string;
}

/** A uPlot chart that fills its box and follows its width; rebuilt when the data change. */
export function UPlotChart({ options, data, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(260, el.clientWidth);
    const chart = new uPlot({ ...options(width()), width: width() }, data, el);
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: chart.height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [options, data]);
  return <div class="kpi-chart" ref={box} role="img" aria-label={label} />;
}
