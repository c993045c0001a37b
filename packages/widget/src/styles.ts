/**
 * The widget's default look, themeable through custom properties set on any ancestor:
 *
 * `--offerkit-font`, `--offerkit-fg`, `--offerkit-bg`, `--offerkit-muted`, `--offerkit-accent`,
 * `--offerkit-accent-fg`, `--offerkit-border`, `--offerkit-error`, `--offerkit-success`,
 * `--offerkit-focus`, `--offerkit-radius`.
 *
 * Each is read once into a private `--ok-*` property on the widget's root, where a dark default
 * replaces the light one under `prefers-color-scheme: dark`; a value the page sets wins in both.
 */
const tokens = (root: string) => `
${root}{--ok-font:var(--offerkit-font,400 1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);--ok-fg:var(--offerkit-fg,#16191f);--ok-bg:var(--offerkit-bg,#fff);--ok-muted:var(--offerkit-muted,#545b64);--ok-accent:var(--offerkit-accent,#0b5cad);--ok-accent-fg:var(--offerkit-accent-fg,#fff);--ok-border:var(--offerkit-border,#8d99a8);--ok-error:var(--offerkit-error,#b0191b);--ok-success:var(--offerkit-success,#1d6b2f);--ok-focus:var(--offerkit-focus,#0b5cad);--ok-radius:var(--offerkit-radius,6px);--ok-tint:color-mix(in srgb,var(--ok-accent) 9%,var(--ok-bg))}
@media (prefers-color-scheme:dark){${root}{--ok-fg:var(--offerkit-fg,#e9ebed);--ok-bg:var(--offerkit-bg,#16191f);--ok-muted:var(--offerkit-muted,#b6bec9);--ok-accent:var(--offerkit-accent,#6cb4f5);--ok-accent-fg:var(--offerkit-accent-fg,#0f1b2a);--ok-border:var(--offerkit-border,#7d8998);--ok-error:var(--offerkit-error,#ff8a8a);--ok-success:var(--offerkit-success,#7fd492);--ok-focus:var(--offerkit-focus,#6cb4f5)}}`;

/**
 * Every property a host page could pass down by inheritance is set on the root, so the widget
 * reads the same on any page; selectors carry two classes, so a page's `label` or `input` rules
 * do not reach inside.
 */
const resetRoot = "font:var(--ok-font);color:var(--ok-fg);text-align:start;text-transform:none;letter-spacing:normal;word-spacing:normal;text-indent:0;white-space:normal;box-sizing:border-box";

const focusRing = "outline:3px solid var(--ok-focus);outline-offset:2px";

/** The private-offer banner: a notice with an icon-free heading line and a call-to-action link. */
const banner = (box: string, link: string) => `
${box}{${resetRoot};display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0 0 1rem;padding:.875rem 1rem;background:var(--ok-tint);border:1px solid var(--ok-accent);border-inline-start-width:6px;border-radius:var(--ok-radius);animation:offerkit-in .2s ease-out}
${link}{display:inline-block;padding:.4rem .9rem;border-radius:var(--ok-radius);background:var(--ok-accent);color:var(--ok-accent-fg);font-weight:600;text-decoration:none;white-space:nowrap}
${link}:hover{text-decoration:underline}
${link}:focus-visible{${focusRing}}
@keyframes offerkit-in{from{opacity:0;transform:translateY(-4px)}}
@media (prefers-reduced-motion:reduce){${box}{animation:none}}`;

/**
 * The React banner and support-contact form, in the page's own DOM: their classes only. A
 * function, not a constant, so that a bundle without the banner or form leaves it out.
 */
export const reactWidgetCss = (): string => `${tokens(".offerkit-banner,.offerkit-contact-form")}${banner(".offerkit-banner.offerkit-banner", ".offerkit-banner.offerkit-banner a")}
.offerkit-contact-form.offerkit-contact-form{${resetRoot};display:grid;gap:1rem;max-width:32rem;margin:0;padding:0}
.offerkit-contact-form .offerkit-field{display:grid;gap:.3rem;margin:0}
.offerkit-contact-form .offerkit-field>label{display:block;float:none;width:auto;margin:0;font:inherit;font-weight:600;color:var(--ok-fg)}
.offerkit-contact-form .offerkit-field>input:not([type=checkbox]){display:block;box-sizing:border-box;width:100%;max-width:none;margin:0;padding:.55rem .7rem;font:inherit;color:var(--ok-fg);background:var(--ok-bg);border:1px solid var(--ok-border);border-radius:var(--ok-radius);box-shadow:none}
.offerkit-contact-form .offerkit-field>input:focus-visible{${focusRing};border-color:var(--ok-focus)}
.offerkit-contact-form .offerkit-field>input[aria-invalid=true]{border:2px solid var(--ok-error);background:color-mix(in srgb,var(--ok-error) 6%,var(--ok-bg))}
.offerkit-contact-form .offerkit-field-error{display:flex;gap:.35rem;margin:0;color:var(--ok-error);font-size:.9em;font-weight:600}
.offerkit-contact-form .offerkit-field-error::before{content:"!";display:inline-grid;place-items:center;flex:none;width:1.15em;height:1.15em;margin-top:.15em;border-radius:50%;background:var(--ok-error);color:var(--ok-bg);font-size:.85em;line-height:1}
.offerkit-contact-form .offerkit-consent.offerkit-consent{grid-template-columns:auto 1fr;align-items:start;column-gap:.6rem}
.offerkit-contact-form .offerkit-consent>input{width:1.15rem;height:1.15rem;margin:.2rem 0 0;accent-color:var(--ok-accent)}
.offerkit-contact-form .offerkit-consent>input:focus-visible{${focusRing}}
.offerkit-contact-form .offerkit-consent>label{font-weight:400}
.offerkit-contact-form .offerkit-consent>.offerkit-field-error{grid-column:1/-1}
.offerkit-contact-form .offerkit-form-error,.offerkit-contact-form .offerkit-form-done{margin:0;padding:.7rem .9rem;border-radius:var(--ok-radius);border:1px solid currentColor}
.offerkit-contact-form .offerkit-form-error{color:var(--ok-error);background:color-mix(in srgb,var(--ok-error) 7%,var(--ok-bg))}
.offerkit-contact-form .offerkit-form-done{color:var(--ok-success);background:color-mix(in srgb,var(--ok-success) 8%,var(--ok-bg))}
.offerkit-contact-form .offerkit-submit{justify-self:start;margin:0;padding:.6rem 1.3rem;font:inherit;font-weight:600;color:var(--ok-accent-fg);background:var(--ok-accent);border:0;border-radius:var(--ok-radius);cursor:pointer}
.offerkit-contact-form .offerkit-submit:focus-visible{${focusRing}}
.offerkit-contact-form .offerkit-submit:disabled{opacity:.6;cursor:progress}`;

/** `<offerkit-offer-banner>`'s shadow root: `::part(banner)`, `::part(message)` and `::part(link)`. */
export const bannerElementCss = (): string => `${tokens(":host")}:host{display:block}:host([hidden]){display:none}${banner("[part=banner]", "[part=link]")}`;
