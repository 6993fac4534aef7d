## Navigation.
nav-home = Home
nav-sites = Sites
nav-opportunities = Opportunities
nav-about = About the center
nav-contact = Contact
nav-privacy = Privacy notice
nav-footer = More
nav-main = Main

## The sites list.
sites-title = Production sites
sites-description = Land plots, production buildings, warehouses and bonded storage on both sides of the Kazakhstan–Uzbekistan border, with areas, utilities, prices and availability.
sites-lead = Plots and buildings on both sides of the border. Filter by what your project needs; every filter is in the address, so a list can be bookmarked or shared.
filter-heading = Filter
filter-search = Search
filter-search-hint = Words in any language, or a site code such as KZ-P1
filter-zone = Zone
filter-kind = Type
filter-tenure = Lease or sale
filter-availability = Availability
filter-side = Side of the border
filter-any = Any
filter-min-area = Land area from (m²)
filter-max-area = Land area up to (m²)
filter-min-power = Power at least (kW)
filter-sort = Sort by
filter-apply = Show sites
filter-reset = Clear filters
sort-newest = Newest first
sort-area-desc = Largest first
sort-area-asc = Smallest first
sort-price-asc = Lowest price first
filter-invalid = { $field }: this value could not be read and was ignored.
results-count = { $count ->
    [0] No site matches these filters.
    [one] One site matches.
   *[other] { $count } sites match.
}
results-none-hint = Try fewer filters, or search for another word.
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-status = Page { $page } of { $pages }

## A site's card and page.
site-land-area = Land area
site-built-area = Built area
site-ceiling-height = Clear ceiling height
site-floor-load = Floor load
site-power = Power
site-water = Water
site-gas = Natural gas
site-rail-siding = Rail siding
site-rail-siding-yes = Yes
site-rail-siding-no = No
site-dist-border = To the border crossing
site-dist-rail = To the railway station
site-dist-airport = To the international airport
site-tenure = Tenure
site-price = Price
site-price-lease = { $amount } per { $unit } per year
site-availability = Availability
site-available-from = Available from { $date }
site-side = Side of the border
site-regime = Legal regime
site-zone = Zone
site-kind = Type
site-phase = Phase
site-phase-value = Phase { $phase }
site-coordinates = Coordinates
site-specifications = Specifications
site-photos = Photos
site-brochure = Download the brochure (PDF)
site-location = Location on the plan of the center
site-related-opportunities = Investment opportunities for this site
site-back-to-list = All sites

## Measures written with their unit.
measure-m = { $value } m
measure-t-m2 = { $value } t/m²
measure-kw = { $value } kW
measure-m3-day = { $value } m³/day
measure-m3-h = { $value } m³/h
measure-km = { $value } km

## The plan of the center.
plan-title = Plan of the center
plan-description = Plots on both sides of the Kazakhstan–Uzbekistan border, coloured by availability; each links to its page.
plan-border = State border
plan-checkpoint = Checkpoint
plan-kz = Kazakhstan · Atameken
plan-uz = Uzbekistan · Gulistan
plan-legend = Legend

## Opportunities.
opportunities-title = Investment opportunities
opportunities-description = Projects seeking partners at the Kazakhstan–Uzbekistan industrial hub: sectors, capital needed, stage and the partnership sought.
opportunities-lead = Projects prepared by the center and its partners, from concept to operating businesses seeking a partner.
filter-sector = Sector
filter-stage = Stage
filter-min-capex = Capital from (USD)
filter-max-capex = Capital up to (USD)
filter-apply-opportunities = Show opportunities
opportunity-results-count = { $count ->
    [0] No opportunity matches these filters.
    [one] One opportunity matches.
   *[other] { $count } opportunities match.
}
opportunity-sector = Sector
opportunity-capex = Capital needed
opportunity-stage = Stage
opportunity-partnerships = Partnership sought
opportunity-jobs = Jobs
opportunity-payback = Expected payback
opportunity-payback-years = { $years } years
opportunity-side = Where
opportunity-incentives = Incentives
opportunity-sites = Sites for this project
opportunity-back-to-list = All opportunities

## Comparing sites.
compare-title = Compare sites
compare-description = Production sites of the Kazakhstan–Uzbekistan industrial hub side by side, with an estimate of the yearly cost of each.
compare-lead = Up to four sites side by side, with what a year on each would cost.
compare-select = Compare
compare-submit = Compare the ticked sites
compare-empty = Tick two to four sites in the list to compare them.
compare-yearly-cost = Estimated yearly cost
compare-yearly-cost-value = { $amount } a year
compare-yearly-cost-note = The yearly cost is the lease rate times the built area (the land area for a plot), before utilities and taxes; the site manager confirms the terms.
compare-for-sale = For sale: see the price
