import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h2, focused when the page opens so keyboard and screen-reader users land on the new page, unless a
 * field of the page took the focus as it opened (the Token step's address box). The focus moves in the frame that
 * paints the page: focusing needs the page's layout, and from the effect it forced one inside the click's task,
 * which the frame then did again (docs/testing.md "Benchmarks").
 */
export function PageHeading({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const heading = ref.current;
      if (heading && !heading.closest('.page')?.contains(document.activeElement)) heading.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <h2 id="page-title" className="page-title" tabIndex={-1} ref={ref}>
      {children}
    </h2>
  );
}
