## وحدات المساحة. تكتب كل رسالة `-amount` رقمًا منسقًا مسبقًا مع وحدته.
unit-switch-label = عرض المساحة بـ
unit-ha = هكتار
unit-ha-amount = { $amount } هكتار
unit-m2 = م²
unit-m2-amount = { $amount } م²
unit-mu = مو
unit-mu-amount = { $amount } مو
unit-pyeong = بيونغ
unit-pyeong-amount = { $amount } بيونغ

## العملات: اختيار القارئ، واسم العملة داخل المبالغ (انظر money في main.ftl).
currency-switch-label = عرض المبالغ بعملة
currency-usd = الدولار الأمريكي (USD)
currency-usd-unit = دولار أمريكي
currency-cny = اليوان الصيني (CNY)
currency-cny-unit = يوان صيني
currency-krw = الوون الكوري (KRW)
currency-krw-unit = وون كوري
currency-aed = الدرهم الإماراتي (AED)
currency-aed-unit = درهم إماراتي
currency-eur = اليورو (EUR)
currency-eur-unit = يورو
currency-kzt = التنغي الكازاخستاني (KZT)
currency-kzt-unit = تنغي كازاخستاني
currency-uzs = السوم الأوزبكي (UZS)
currency-uzs-unit = سوم أوزبكي
currency-rate-note = حُوِّلت المبالغ من الدولار الأمريكي بسعر 1 دولار أمريكي = { $rate } { $currency }، وهو السعر الذي حدده المركز في { $date }. تُحدَّد الشروط بالدولار الأمريكي.
