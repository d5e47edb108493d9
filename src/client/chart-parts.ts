/** Small DOM builders for the record's hand-drawn SVG charts and the data tables that go with them. */
const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes: the charts are drawn by hand to stay within the page JS budget. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** A table wrapped in a focusable scrolling region, so a wide table never makes the page scroll sideways. */
export function scrollingTable(label: string, table: HTMLTableElement): HTMLElement {
  const region = Object.assign(document.createElement('div'), { className: 'table-scroll', tabIndex: 0 });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', label);
  region.append(table);
  return region;
}

/** A table with a caption, a header row and body rows; the first cell of each row is its header. */
export function dataTable(caption: string, columns: string[], rows: (string | Node)[][]): HTMLTableElement {
  const table = Object.assign(document.createElement('table'), { className: 'metrics' });
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = column;
    head.append(cell);
  }
  table.createTBody().append(...rows.map(tableRow));
  return table;
}

/** A table row whose first cell is its row header. */
export function tableRow(values: readonly (string | Node)[]): HTMLTableRowElement {
  const row = document.createElement('tr');
  values.forEach((value, index) => {
    const cell = document.createElement(index === 0 ? 'th' : 'td');
    if (index === 0) cell.setAttribute('scope', 'row');
    cell.append(value);
    row.append(cell);
  });
  return row;
}
