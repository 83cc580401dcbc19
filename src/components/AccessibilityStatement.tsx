import { lazy, Suspense, useRef, useState } from 'react';

// The statement's text loads when it is first opened: the first download stays inside its budget.
const StatementText = lazy(() => import('./AccessibilityStatementText'));

/**
 * The accessibility statement: what was tested, known limits and how to report a problem.
 * A button named "Accessibility" in the header (so it is reachable from every task) opens it in a
 * modal <dialog>: focus moves to the dialog, Escape or "Close" shut it, and focus returns to the button.
 */
export function AccessibilityStatement() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [opened, setOpened] = useState(false);
  const open = () => {
    setOpened(true);
    dialog.current?.showModal();
    heading.current?.focus(); // start reading at the top, not at the Close button at the bottom
  };
  return (
    <>
      <button ref={opener} type="button" className="a11y-open no-print" style={OPEN} aria-haspopup="dialog" onClick={open}>
        Accessibility
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="a11y-title"
        className="a11y-statement"
        style={DIALOG}
        onClose={() => opener.current?.focus()}
        onClick={(e) => {
          // A click on the backdrop (outside the box) closes it too.
          if (e.target === dialog.current) dialog.current.close();
        }}
      >
        <div style={{ padding: '1rem 1.2rem' }}>
          <h2 ref={heading} id="a11y-title" tabIndex={-1} style={{ marginTop: 0 }}>
            Accessibility statement
          </h2>
          {opened ? (
            <Suspense fallback={<p>Loading…</p>}>
              <StatementText />
            </Suspense>
          ) : null}
          <form method="dialog">
            <button type="submit" style={CLOSE}>
              Close
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}

const OPEN = {
  float: 'right',
  font: 'inherit',
  fontSize: '0.9rem',
  padding: '0.15rem 0.5rem',
  marginLeft: '0.5rem',
  background: 'transparent',
  color: '#fff',
  border: '2px solid #fff',
  cursor: 'pointer',
} as const;

const DIALOG = {
  width: 'min(40rem, calc(100vw - 1.5rem))',
  maxHeight: 'calc(100dvh - 2rem)',
  padding: 0,
  border: '2px solid #0b0c0c',
  color: '#0b0c0c',
  background: '#fff',
  overflowY: 'auto',
} as const;

const CLOSE = { font: 'inherit', fontWeight: 700, padding: '0.35rem 1rem', background: '#0b0c0c', color: '#fff', border: '2px solid #0b0c0c', cursor: 'pointer' } as const;
