## About page.
about-title = About the center
about-description = The International Center for Industrial Cooperation “Central Asia”: about 100 ha on the Kazakhstan–Uzbekistan border, under a special regime.
about-lead = The International Center for Industrial Cooperation “Central Asia” is an industrial hub of about 100 hectares built across the Kazakhstan–Uzbekistan border, so that a single project can serve both markets.
about-what-heading = What the center is
about-what-1 = The center is a cooperation project of Kazakhstan and Uzbekistan: one industrial area divided by the state border, with about 50 hectares on each side. It brings together warehouses, customs terminals, service zones and production facilities for industries ranging from light manufacturing to mechanical engineering.
about-what-2 = Its development is financed by direct and portfolio investment, and both governments promote it to investors from China, South Korea, the United Arab Emirates and Europe. Companies can lease or buy sites, build their own facilities or take space in ready-built production buildings, on whichever side of the border best suits their business.
about-where-heading = Where it is
about-where-1 = The Kazakh part of the center lies by the Atameken checkpoint in the Turkestan region; the Uzbek part lies by the Gulistan checkpoint in the Syrdarya region. The two parts face each other across the border, and goods move between them under the center’s own regime.
about-where-2 = Through the road and rail networks of Kazakhstan and Uzbekistan, the center connects east to China, north to Russia, south towards Afghanistan and South Asia, and west across the Caspian Sea to the Caucasus, Türkiye and Europe along the Trans-Caspian International Transport Route, known as the Middle Corridor.
about-regime-heading = A special legal regime
about-regime-1 = Inside the center a special legal regime applies: visa-free stays of up to 30 days, duty-free movement of goods within the center, and the national tax incentives of Kazakhstan or Uzbekistan, depending on the side on which a company operates. The investment desks can explain which conditions apply to a given project.
about-phases-heading = Phases of development
about-phases-1 = Phase one comprises eight production buildings, four on the Kazakh side and four on the Uzbek side, giving manufacturers production space right at the border crossing.
about-phases-2 = Phase two adds projects in PVC products, drip irrigation and agro-processing, among others, building on the farming economy of the surrounding regions and on demand in both countries.
about-goal-heading = A shared goal
about-goal-1 = The center serves the goal set by the governments of Kazakhstan and Uzbekistan of raising bilateral trade to USD 10 billion by 2030. Investors from China, South Korea, the Gulf states and Europe are invited to take part, whether by building their own production or by partnering with companies from the region.

## Contact page.
contact-title = Contact
contact-description = How to reach the investment desks of the International Center for Industrial Cooperation “Central Asia”. Every inquiry is answered within two working days.
contact-lead = To reach the center, send an expression of interest from any site or investment opportunity page, or write to the desk for your region. The desk answers within two working days, in your language wherever possible.
contact-desks-heading = Investment desks
contact-desks-intro = Each desk answers investors from its own region; the general investment desk answers everyone else.
desk-china = China desk
desk-korea = Korea desk
desk-gcc = GCC desk (UAE, Saudi Arabia, Qatar, Kuwait, Bahrain, Oman)
desk-europe = Europe desk
desk-general = Investment desk (all other countries)

## Privacy notice.
privacy-title = Privacy notice
privacy-description = How the International Center for Industrial Cooperation “Central Asia” handles the personal data you send with an expression of interest.
privacy-lead = This notice explains what we collect when you send an expression of interest through this portal, why we collect it, how long we keep it, where it is stored and how you can exercise your rights.
privacy-controller-heading = Who is responsible
privacy-controller = The management of the International Center for Industrial Cooperation “Central Asia” is responsible for your personal data. Your inquiry is received by the center’s investment desks on the Kazakh and Uzbek sides of the border.
privacy-data-heading = What we collect
privacy-data = When you send an expression of interest, we collect your name, company, country, email address, phone number (optional), investor type, investment range, needs and message, the language you used, and the time at which you gave your consent. We use no tracking or advertising cookies; the only cookie we set remembers the language you chose.
privacy-purpose-heading = Why we use it
privacy-purpose = We use your data only to answer your inquiry, to route it to the right investment desk and to follow it up. We do not sell it, and we do not use it for unrelated marketing.
privacy-retention-heading = How long we keep it
privacy-retention = We keep your data for three years after our last contact with you and then delete it. We delete it sooner if you ask us to, unless a contract with you requires us to keep it.
privacy-transfer-heading = Where it is stored and who sees it
privacy-transfer = Your data is stored on servers in Kazakhstan or Uzbekistan and may be seen by the investment desks on both sides of the border, so it may leave your own country. If you are in the European Union (GDPR), China (PIPL), South Korea (PIPA) or the United Arab Emirates (PDPL), this is a transfer of personal data abroad under your law, and the inquiry form asks for your consent to it before anything is sent.
privacy-rights-heading = Your rights
privacy-rights = You may ask to see the data we hold about you, to correct it or to delete it, and you may withdraw your consent at any time. To do so, reply to any message from the center or write to the investment desk.

## Open data.
nav-open-data = Open data
open-data-title = Open data
open-data-description = The published sites of the Kazakhstan–Uzbekistan industrial hub as JSON, CSV and GeoJSON, and a feed of new listings.
open-data-lead = Every published site, free to download and reuse, updated as soon as a listing changes.
open-data-formats-heading = Downloads
open-data-json = every field, with titles and summaries in every language
open-data-csv = one row per site, UTF-8, opens in a spreadsheet with Chinese, Korean and Arabic titles intact
open-data-geojson = one point per site, for maps and GIS tools
open-data-feed = an Atom feed of new sites and opportunities in this language
open-data-license = Licence: Creative Commons Attribution 4.0 (CC BY 4.0). Please name the International Center for Industrial Cooperation “Central Asia” as the source.
open-data-fields-heading = Fields
open-data-fields-intro = Areas are in square metres, distances in kilometres, power in kilowatts. The price is in US dollars: per square metre per year for a lease, for the whole site for a sale.
