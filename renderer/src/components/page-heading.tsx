import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h2, focused when the page opens so keyboard and screen-reader users land on the new page, unless
 * something took the focus before the page's frame (the Token step's address box, a panel's result, the user).
 * The focus moves in the frame that paints the page: focusing needs the page's layout, and from the effect it
 * forced one inside the click's task, which the frame then did again (docs/testing.md "Benchmarks").
 */
export function PageHeading({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Anything focused between the page opening and its frame (a panel's own heading, the user's Tab) keeps the focus.
    let moved = false;
    const onFocusIn = () => {
      moved = true;
    };
    document.addEventListener('focusin', onFocusIn);
    const frame = requestAnimationFrame(() => {
      document.removeEventListener('focusin', onFocusIn);
      const heading = ref.current;
      if (heading && !moved && !heading.closest('.page')?.contains(document.activeElement)) heading.focus();
    });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
  return (
    <h2 id="page-title" className="page-title" tabIndex={-1} ref={ref}>
      {children}
    </h2>
  );
}
