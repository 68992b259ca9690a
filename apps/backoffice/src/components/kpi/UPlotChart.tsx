import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useColourScheme } from '../a11y/theme-colour.ts';

interface Props {
  /** Options without the size: the chart takes its container's width. */
  options: (width: number) => Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  /** What the chart shows, for screen readers (the numbers are also in the CSV). */
  label: string;
  /** The line above the chart: the pointed day's values, or the whole period's when nothing is pointed. */
  readout: (index: number | null) => string;
}

/** A uPlot chart that fills its box and follows its width; rebuilt when the data or the colour scheme change. */
export function UPlotChart({ options, data, label, readout }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(() => readout(null));
  // Axis and grid colours come from the theme when the chart is built: a theme switch rebuilds it.
  const scheme = useColourScheme();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setText(readout(null));
    const width = () => Math.max(260, el.clientWidth);
    const base = options(width());
    const chart = new uPlot(
      {
        ...base,
        width: width(),
        legend: { show: false },
        hooks: { setCursor: [(u) => setText(readout(u.cursor.idx ?? null))] },
      },
      data,
      el,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: chart.height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [options, data, readout, scheme]);
  return (
    <>
      <p class="kpi-readout" aria-hidden="true">
        {text}
      </p>
      <div class="kpi-chart" ref={box} role="img" aria-label={label} />
    </>
  );
}
