## Units of area. Each `-amount` message writes an already formatted number with its unit.
unit-switch-label = Show area in
unit-ha = ha
unit-ha-amount = { $amount } ha
unit-m2 = m²
unit-m2-amount = { $amount } m²
unit-mu = mu
unit-mu-amount = { $amount } mu
unit-pyeong = pyeong
unit-pyeong-amount = { $amount } pyeong

## Currencies: the reader's choice, and the word used inside sums (money in main.ftl).
currency-switch-label = Show sums in
currency-usd = US dollar (USD)
currency-usd-unit = USD
currency-cny = Chinese yuan (CNY)
currency-cny-unit = CNY
currency-krw = Korean won (KRW)
currency-krw-unit = KRW
currency-aed = UAE dirham (AED)
currency-aed-unit = AED
currency-eur = Euro (EUR)
currency-eur-unit = EUR
currency-kzt = Kazakh tenge (KZT)
currency-kzt-unit = KZT
currency-uzs = Uzbek som (UZS)
currency-uzs-unit = UZS
currency-rate-note = Sums are converted from US dollars at 1 USD = { $rate } { $currency }, the rate the center set on { $date }. Terms are agreed in US dollars.
