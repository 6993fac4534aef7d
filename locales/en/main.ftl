## The language itself: its name in itself, its direction, the ICU locale its numbers follow.
language-name = English
language-direction = ltr
language-number-locale = en
# Large sums of money are counted in steps of this many units (a million, or 亿/억).
language-money-scale = 1000000

site-name = Central Asia Industrial Cooperation Center
nav-skip-to-content = Skip to content
nav-language = Language
footer-operator = International Center for Industrial Cooperation “Central Asia”, on the Kazakhstan–Uzbekistan border at the Atameken and Gulistan checkpoints.
footer-reachable = Everything on this site is served from the center’s own servers, so it opens from anywhere, including mainland China.

## Errors a visitor may see.
error-not-found-title = Page not found
error-not-found = This page does not exist or is no longer published.
error-bad-request = The request could not be understood. Please check the address and try again.
error-unavailable = The portal is briefly unavailable. Please try again in a few minutes.
error-internal = Something went wrong on our side. We have been notified; please try again later.
error-back-home = Back to the home page
