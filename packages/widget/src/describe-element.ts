/**
 * How a warning names a DOM element: its tag with its id and the attributes that carry the
 * widget's options, e.g. `<a id="buy" data-offerkit-asin="B00X">`, as a developer would search
 * the page's source for it.
 */
export function describeElement(element: Element): string {
  const shown = Array.from(element.attributes)
    .filter((attribute) => attribute.name === "id" || attribute.name.startsWith("data-offerkit-") || ["asin", "ref-tag", "attribution-id"].includes(attribute.name))
    .map((attribute) => ` ${attribute.name}="${attribute.value}"`)
    .join("");
  return `<${element.localName}${shown}>`;
}
