import { reactWidgetCss } from "../styles";

/**
 * The banner's and form's default styles, rendered with them so that server-rendered HTML is
 * styled before any script runs. React 19 hoists the sheet into `<head>` once, whatever the
 * number of widgets (`href` + `precedence`); React 18 leaves it in place, which works the same.
 */
export function WidgetStyles() {
  return (
    <style href="offerkit-widget" precedence="default">
      {reactWidgetCss()}
    </style>
  );
}
