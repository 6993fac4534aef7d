## اللغة نفسها: اسمها بلغتها، واتجاه كتابتها، ومحلية ICU التي تتبعها أرقامها.
language-name = العربية
language-direction = rtl
language-number-locale = ar-u-nu-latn
# Large sums of money are counted in steps of this many units (a million, or 亿/억).
language-money-scale = 1000000

site-name = مركز آسيا الوسطى للتعاون الصناعي
nav-skip-to-content = انتقل إلى المحتوى
nav-language = اللغة
footer-operator = المركز الدولي للتعاون الصناعي «آسيا الوسطى» على الحدود بين كازاخستان وأوزبكستان، عند منفذَي أتاميكن وغولستان.
footer-reachable = يُقدَّم كل محتوى هذا الموقع من خوادم المركز نفسه، فيمكن فتحه من أي مكان، بما في ذلك البر الرئيسي للصين.

## رسائل الأخطاء التي قد تظهر للزائر.
error-not-found-title = الصفحة غير موجودة
error-not-found = هذه الصفحة غير موجودة أو لم تعد منشورة.
error-bad-request = تعذّر فهم الطلب. يُرجى التحقق من العنوان والمحاولة مرة أخرى.
error-unavailable = البوابة غير متاحة مؤقتًا. يُرجى المحاولة بعد بضع دقائق.
error-internal = حدث خطأ من جهتنا وقد أُبلغ الفريق المختص. يُرجى المحاولة لاحقًا.
error-back-home = العودة إلى الصفحة الرئيسية
