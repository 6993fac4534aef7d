## The language itself: its name in itself, its direction, the ICU locale its numbers follow.
language-name = English
language-direction = ltr
language-number-locale = en
# Large sums of money are written in the largest of these steps that fits (a million; 亿 or 万).
language-money-scales = 1000000000 1000000 1

site-name = Central Asia Industrial Cooperation Center
nav-skip-to-content = Skip to content
nav-language = Language
footer-operator = International Center for Industrial Cooperation “Central Asia”, on the Kazakhstan–Uzbekistan border at the Atameken and Gulistan checkpoints.
footer-reachable = Everything on this site is served from the center’s own servers, so it opens from anywhere, including mainland China.

## Errors a visitor may see.
error-not-found-title = Page not found
error-not-found = This page does not exist or is no longer published.
error-gone-title = This listing is no longer offered
error-gone = The center has withdrawn this listing. Other sites and projects are waiting on the lists.
error-bad-request = The request could not be understood. Please check the address and try again.
error-unavailable = The portal is briefly unavailable. Please try again in a few minutes.
error-internal = Something went wrong on our side. We have been notified; please try again later.
error-cross-origin-title = Request refused
error-cross-origin = This form was sent from another website, so the portal did not act on it. Please use the form on this site.
error-too-large-title = Request too large
error-too-large = The request was larger than the portal accepts, so nothing was done. Please shorten it or send smaller files.
error-timeout-title = The portal took too long
error-timeout = The portal could not finish this request in time. Please try again in a moment; a form you sent may have arrived, and an inquiry that arrived is always confirmed by email.
error-back-home = Back to the home page

## Sums, already converted and formatted, in the step named by $scale; $currency is the
## currency's word from units.ftl (currency-*-unit).
money = { $scale ->
    [1000000000] { $currency } { $amount } billion
    [1000000] { $currency } { $amount } million
   *[other] { $currency } { $amount }
}
money-range = { $scale ->
    [1000000000] { $currency } { $min }–{ $max } billion
    [1000000] { $currency } { $min }–{ $max } million
   *[other] { $currency } { $min }–{ $max }
}

## Dates: month names and the month-and-year form.
date-month-year = { $month } { $year }
date-day-month-year = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
