import { useEffect } from 'preact/hooks';

/**
 * Keeps `--vvh` and `--vv-top` on the root at the visual viewport's height and offset, so a chat
 * that fills a phone's screen keeps its reply box just above the on-screen keyboard (iOS shrinks
 * only the visual viewport when the keyboard opens; Android may resize both).
 */
export function useVisualViewport(on: boolean): void {
  useEffect(() => {
    const vv = window.visualViewport;
    const root = document.documentElement.style;
    if (!on || !vv) return;
    const update = () => {
      root.setProperty('--vvh', `${vv.height}px`);
      root.setProperty('--vv-top', `${vv.offsetTop}px`);
    };
    update();
    vv.addEventListener('resize', update);
    vv.addEventListener('scroll', update);
    return () => {
      vv.removeEventListener('resize', update);
      vv.removeEventListener('scroll', update);
      root.removeProperty('--vvh');
      root.removeProperty('--vv-top');
    };
  }, [on]);
}
