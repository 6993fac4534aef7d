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
