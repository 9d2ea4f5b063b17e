import { useId, useRef, useState, type ReactNode } from 'react';

/**
 * Progressive disclosure (WAI-ARIA APG "Disclosure"): a button with aria-expanded that shows or hides its
 * content. Enter/Space toggle (a native button); Escape inside the open content closes it and returns focus.
 */
export function Disclosure({
  label,
  children,
  className,
  testId,
  initiallyOpen = false,
  keepMounted = false,
}: {
  readonly label: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
  readonly testId?: string;
  readonly initiallyOpen?: boolean;
  /** Keep the content in the page while closed (hidden): form state survives, and its text stays in the DOM. */
  readonly keepMounted?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div
      className={className ? `disclosure ${className}` : 'disclosure'}
      data-testid={testId}
      data-open={open}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="link-button disclosure-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="chevron">
          {open ? '▾' : '▸'}
        </span>{' '}
        {label}
      </button>
      <div id={id} className="disclosure-body" hidden={!open}>
        {(open || keepMounted) && children}
      </div>
    </div>
  );
}
