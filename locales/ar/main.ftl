## اللغة نفسها: اسمها بلغتها، واتجاه كتابتها، ومحلية ICU التي تتبعها أرقامها.
language-name = العربية
language-direction = rtl
language-number-locale = ar-u-nu-latn
# Large sums of money are written in the largest of these steps that fits (a million; 亿 or 万).
language-money-scales = 1000000000 1000000 1

site-name = مركز آسيا الوسطى للتعاون الصناعي
nav-skip-to-content = انتقل إلى المحتوى
nav-language = اللغة
footer-operator = المركز الدولي للتعاون الصناعي «آسيا الوسطى» على الحدود بين كازاخستان وأوزبكستان، عند منفذَي أتاميكن وغولستان.
footer-reachable = يُقدَّم كل محتوى هذا الموقع من خوادم المركز نفسه، فيمكن فتحه من أي مكان، بما في ذلك البر الرئيسي للصين.

## رسائل الأخطاء التي قد تظهر للزائر.
error-not-found-title = الصفحة غير موجودة
error-not-found = هذه الصفحة غير موجودة أو لم تعد منشورة.
error-gone-title = لم يعد هذا العرض متاحًا
error-gone = سحب المركز هذا العرض. تجدون المواقع والمشاريع الأخرى في القوائم.
error-bad-request = تعذّر فهم الطلب. يُرجى التحقق من العنوان والمحاولة مرة أخرى.
error-unavailable = البوابة غير متاحة مؤقتًا. يُرجى المحاولة بعد بضع دقائق.
error-internal = حدث خطأ من جهتنا وقد أُبلغ الفريق المختص. يُرجى المحاولة لاحقًا.
error-cross-origin-title = تم رفض الطلب
error-cross-origin = أُرسل هذا النموذج من موقع آخر، لذلك لم تنفذه البوابة. يُرجى استخدام النموذج الموجود على هذا الموقع.
error-too-large-title = الطلب كبير جدًا
error-too-large = كان الطلب أكبر مما تقبله البوابة، لذلك لم يُنفَّذ شيء. يُرجى اختصاره أو إرسال ملفات أصغر.
error-timeout-title = استغرقت البوابة وقتًا طويلًا
error-timeout = لم تتمكن البوابة من إتمام هذا الطلب في الوقت المحدد. يُرجى المحاولة مرة أخرى بعد قليل؛ فقد يكون النموذج الذي أرسلته قد وصل، وكل استفسار يصل يُؤكَّد دائمًا بالبريد الإلكتروني.
error-back-home = العودة إلى الصفحة الرئيسية

## Sums, already converted and formatted, in the step named by $scale; $currency is the
## currency's word from units.ftl (currency-*-unit).
money = { $scale ->
    [1000000000] { $amount } مليار { $currency }
    [1000000] { $amount } مليون { $currency }
   *[other] { $amount } { $currency }
}
money-range = { $scale ->
    [1000000000] { $min }–{ $max } مليار { $currency }
    [1000000] { $min }–{ $max } مليون { $currency }
   *[other] { $min }–{ $max } { $currency }
}

## التواريخ: أسماء الأشهر وصيغة الشهر والسنة.
date-month-year = { $month } { $year }
date-day-month-year = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
