## التنقل.
nav-home = الرئيسية
nav-sites = المواقع
nav-opportunities = الفرص الاستثمارية
nav-about = عن المركز
nav-contact = اتصل بنا
nav-privacy = إشعار الخصوصية
nav-footer = المزيد
nav-main = القائمة الرئيسية

## قائمة المواقع.
sites-title = مواقع الإنتاج
sites-description = قطع أراضٍ ومبانٍ للإنتاج ومستودعات ومرافق للتخزين الجمركي على جانبي الحدود بين كازاخستان وأوزبكستان، مع بيانات المساحة والمرافق والأسعار وحالة التوفر.
sites-lead = قطع أراضٍ ومبانٍ على جانبي الحدود. صفِّ النتائج وفق احتياجات مشروعك؛ تُحفظ جميع عوامل التصفية في عنوان الصفحة، فيمكنك حفظ القائمة في المفضلة أو مشاركتها.
filter-heading = تصفية النتائج
filter-search = بحث
filter-search-hint = كلمات بأي لغة، أو رمز موقع مثل KZ-P1
filter-zone = المنطقة
filter-kind = النوع
filter-tenure = إيجار أو بيع
filter-availability = حالة التوفر
filter-side = جانب الحدود
filter-any = الكل
filter-min-area = مساحة الأرض من (م²)
filter-max-area = مساحة الأرض حتى (م²)
filter-min-power = القدرة الكهربائية لا تقل عن (كيلوواط)
filter-sort = ترتيب حسب
filter-apply = عرض المواقع
filter-reset = مسح عوامل التصفية
sort-newest = الأحدث أولًا
sort-area-desc = الأكبر مساحةً أولًا
sort-area-asc = الأصغر مساحةً أولًا
sort-price-asc = الأقل سعرًا أولًا
filter-invalid = تعذّرت قراءة قيمة الحقل «{ $field }» فتم تجاهلها.
results-count = { $count ->
    [0] لا توجد مواقع تطابق عوامل التصفية هذه.
    [one] يوجد موقع واحد مطابق.
   *[other] عدد المواقع المطابقة: { $count }
}
results-none-hint = جرّب تقليل عوامل التصفية، أو ابحث بكلمة أخرى.
pagination-label = الصفحات
pagination-previous = الصفحة السابقة
pagination-next = الصفحة التالية
pagination-status = الصفحة { $page } من { $pages }

## بطاقة الموقع وصفحته.
site-land-area = مساحة الأرض
site-built-area = المساحة المبنية
site-ceiling-height = الارتفاع الصافي للسقف
site-floor-load = قدرة تحمّل الأرضية
site-power = القدرة الكهربائية
site-water = المياه
site-gas = الغاز الطبيعي
site-rail-siding = خط سكة حديد فرعي
site-rail-siding-yes = متوفر
site-rail-siding-no = غير متوفر
site-dist-border = المسافة إلى المنفذ الحدودي
site-dist-rail = المسافة إلى محطة السكة الحديد
site-dist-airport = المسافة إلى المطار الدولي
site-tenure = نوع الحيازة
site-price = السعر
site-price-lease = { $amount } لكل { $unit } سنويًا
site-availability = حالة التوفر
site-available-from = متاح اعتبارًا من { $date }
site-side = جانب الحدود
site-regime = النظام القانوني
site-zone = المنطقة
site-kind = النوع
site-phase = المرحلة
site-phase-value = المرحلة { $phase }
site-coordinates = الإحداثيات
site-specifications = المواصفات
site-photos = الصور
site-brochure = تنزيل الكتيّب (PDF)
site-location = الموقع على مخطط المركز
site-related-opportunities = الفرص الاستثمارية لهذا الموقع
site-back-to-list = جميع المواقع

## القياسات مكتوبة مع وحداتها.
measure-m = { $value } م
measure-t-m2 = { $value } طن/م²
measure-kw = { $value } كيلوواط
measure-m3-day = { $value } م³/يوم
measure-m3-h = { $value } م³/ساعة
measure-km = { $value } كم

## مخطط المركز.
plan-title = مخطط المركز
plan-description = قطع الأراضي على جانبي الحدود بين كازاخستان وأوزبكستان، ملوّنة حسب حالة التوفر، وتؤدي كلٌّ منها إلى صفحتها.
plan-border = حدود الدولة
plan-checkpoint = المنفذ الحدودي
plan-kz = كازاخستان · أتاميكن
plan-uz = أوزبكستان · غولستان
plan-legend = مفتاح الخريطة

## الفرص الاستثمارية.
opportunities-title = الفرص الاستثمارية
opportunities-description = مشاريع تبحث عن شركاء في المركز الصناعي على الحدود بين كازاخستان وأوزبكستان: القطاعات، ورأس المال المطلوب، ومرحلة المشروع، ونوع الشراكة المنشودة.
opportunities-lead = مشاريع أعدّها المركز وشركاؤه، تتراوح بين أفكار في مرحلتها الأولى وشركات عاملة تبحث عن شريك.
filter-sector = القطاع
filter-stage = المرحلة
filter-min-capex = رأس المال من (دولار أمريكي)
filter-max-capex = رأس المال حتى (دولار أمريكي)
filter-apply-opportunities = عرض الفرص
opportunity-results-count = { $count ->
    [0] لا توجد فرص تطابق عوامل التصفية هذه.
    [one] توجد فرصة واحدة مطابقة.
   *[other] عدد الفرص المطابقة: { $count }
}
opportunity-sector = القطاع
opportunity-capex = رأس المال المطلوب
opportunity-stage = المرحلة
opportunity-partnerships = الشراكة المنشودة
opportunity-jobs = فرص العمل
opportunity-payback = فترة الاسترداد المتوقعة
opportunity-payback-years = { $years } سنوات
opportunity-side = مكان المشروع
opportunity-incentives = الحوافز
opportunity-sites = مواقع مناسبة لهذا المشروع
opportunity-back-to-list = جميع الفرص

## مقارنة المواقع.
compare-title = مقارنة المواقع
compare-description = مواقع الإنتاج في المركز الصناعي على الحدود بين كازاخستان وأوزبكستان جنبًا إلى جنب، مع تقدير للتكلفة السنوية لكل منها.
compare-lead = قارن حتى أربعة مواقع جنبًا إلى جنب، مع تقدير لتكلفة السنة في كل منها.
compare-select = قارن
compare-submit = قارن المواقع المحددة
compare-empty = حدّد من موقعين إلى أربعة مواقع في القائمة لمقارنتها.
compare-yearly-cost = التكلفة السنوية التقديرية
compare-yearly-cost-value = { $amount } سنويًا
compare-yearly-cost-note = تُحسب التكلفة السنوية بضرب سعر الإيجار في المساحة المبنية (أو مساحة الأرض للقطع)، دون المرافق والضرائب، ويؤكد مدير الموقع الشروط النهائية.
compare-for-sale = للبيع: انظر السعر
