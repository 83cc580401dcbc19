/** The accessibility statement's text (loaded when the statement is first opened). */
export default function AccessibilityStatementText() {
  return (
    <>
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
    </>
  );
}
