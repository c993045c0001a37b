import { version } from "react";
import { reactWidgetCss } from "../styles";

/** React 18's server renderer escapes a `<style>`'s text (`>` becomes `&gt;`), which breaks CSS. */
const escapesStyleText = version.startsWith("18.");

/**
 * The banner's and form's default styles, rendered with them so that server-rendered HTML is
 * styled before any script runs. React 19 hoists the sheet into `<head>` once, whatever the
 * number of widgets (`href` + `precedence`). React 18 leaves it in place and is given the text
 * as markup, since it would escape it as text; the sheet is this package's constant, never
 * anything a page passes in.
 */
export function WidgetStyles() {
  if (escapesStyleText) return <style dangerouslySetInnerHTML={{ __html: reactWidgetCss() }} />;
  return (
    <style href="offerkit-widget" precedence="default">
      {reactWidgetCss()}
    </style>
  );
}
