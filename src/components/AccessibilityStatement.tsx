import { useRef } from 'react';

/**
 * The accessibility statement: what was tested, known limits and how to report a problem.
 * A button named "Accessibility" in the header (so it is reachable from every task) opens it in a
 * modal <dialog>: focus moves to the dialog, Escape or "Close" shut it, and focus returns to the button.
 */
export function AccessibilityStatement() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const open = () => {
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
          <p>
            This explorer is meant for everyone who needs it, whatever device or assistive technology they use. Everything the map shows
            is also available as text: tables, charts with their values in words, lists and area profiles.
          </p>
          <h3>What we tested</h3>
          <ul>
            <li>
              Automated checks with axe-core in every task (Explore areas, Compare places, Near me, Appraise a site), at laptop size
              (1366 × 900) and phone size (375 × 667), in the browser tests that run on every change.
            </li>
            <li>Keyboard-only journeys: searching, choosing a task, opening profiles and moving through the panel without a mouse.</li>
            <li>That controls, regions and messages have names a screen reader reads out, and that messages are announced.</li>
            <li>That the app still works without WebGL (when the map cannot be drawn): search, profiles, the table, the comparison and site appraisal.</li>
            <li>That the page never scrolls sideways on a phone, and comparisons are written in words, never colour alone.</li>
          </ul>
          <h3>Known limits</h3>
          <ul>
            <li>
              The map itself is not accessible to screen readers. The table and chart, the lists of places and services, and the area and
              practice profiles give the same information.
            </li>
            <li>
              Drawing an area or a site boundary on the map needs a pointer (mouse, touch or pen). Alternatives: choose areas from the list,
              enter a postcode, or load a GeoJSON file.
            </li>
            <li>
              The optional street basemap comes from OpenStreetMap; its street names are pictures, not text. It is off unless you switch it on.
            </li>
          </ul>
          <h3>Reporting a problem</h3>
          <p>
            If something does not work for you, or you need the information in another format, please report it to the team that runs this
            site. The code is open source, so problems can also be fixed by anyone who reuses it.
          </p>
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
