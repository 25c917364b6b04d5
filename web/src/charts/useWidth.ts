// The width a chart is given, in CSS pixels, measured before paint and again whenever it changes. The charts draw
// their SVG at that width with a viewBox of the same size, so one user unit is one pixel on screen: the labels keep
// the stylesheet's font size on a phone as on a desktop, and the layout (label column, tick spacing) adapts.
import { type RefObject, useLayoutEffect, useState } from 'react';

export function useWidth(ref: RefObject<Element | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
