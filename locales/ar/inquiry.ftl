## نموذج إبداء الاهتمام، وصفحتا الشكر ومتابعة الاستفسار، والبريد الإلكتروني المرسل إلى المستثمر.
inquire-title = أبدِ اهتمامك
inquire-description = أخبر المركز بما تعتزم إنشاءه أو إنتاجه، وسيرد عليك مكتب الاستثمار بلغتك.
inquire-lead = أخبرنا باحتياجاتك. يطّلع مكتب الاستثمار في المركز على كل استفسار، ويرد عليك شخصيًا.
inquire-reply-time = { $days ->
    [one] نرد عليك خلال يوم عمل واحد.
    [two] نرد عليك خلال يومَي عمل.
    [few] نرد عليك خلال { $days } أيام عمل.
    [many] نرد عليك خلال { $days } يوم عمل.
   *[other] نرد عليك خلال { $days } يوم عمل.
}
inquire-cta = أبدِ اهتمامك
form-required-note = الحقول المميزة بعلامة * إلزامية.
form-name = الاسم
form-company = الشركة أو الجهة
form-country = البلد
form-email = البريد الإلكتروني
form-phone = رقم الهاتف (اختياري)
form-investor-type = فئة المستثمر
form-investment-range = حجم الاستثمار المخطط له
form-need = احتياجاتك (اختياري)
form-need-area = المساحة (م²)
form-need-power = القدرة الكهربائية (كيلوواط)
form-need-start = موعد البدء (الشهر)
form-message = رسالتك
form-message-hint = منتجك، وحجم المصنع، والجدول الزمني، وأي أسئلة لديك.
form-reply-lang = لغة الرد
form-heard-from = كيف عرفت بالمركز؟
form-choose = اختر
form-listings = المواقع والمشاريع
form-website = اترك هذا الحقل فارغًا
form-privacy-title = بياناتك
form-privacy-notice = يحتفظ المركز الدولي للتعاون الصناعي «آسيا الوسطى» بما ترسله إليه للرد على استفسارك. وتتلقى هذه البيانات مكاتبُ الاستثمار التابعة له في كازاخستان وأوزبكستان، والمسؤولُ عن كل موقع أو مشروع تذكره في استفسارك، ولذلك تُنقل بياناتك إلى خارج بلدك. ونحتفظ بها ثلاث سنوات من تاريخ آخر تواصل بيننا، ثم نحذفها؛ ويحق لك في أي وقت طلب الاطلاع عليها أو تصحيحها أو حذفها.
form-consent = أوافق على أن يحتفظ المركز باستفساري ويشاركه مع مكاتب الاستثمار التابعة له في كازاخستان وأوزبكستان للرد عليه، على النحو المبين في إشعار الخصوصية.
form-submit = أرسل إبداء الاهتمام
form-errors-title = { $count ->
    [one] يُرجى تصحيح حقل واحد.
    [two] يُرجى تصحيح حقلين.
    [few] يُرجى تصحيح { $count } حقول.
    [many] يُرجى تصحيح { $count } حقلًا.
   *[other] يُرجى تصحيح { $count } حقل.
}
form-error-required = يُرجى تعبئة هذا الحقل.
form-error-choose = يُرجى اختيار أحد الخيارات.
form-error-country = يُرجى اختيار بلد من القائمة.
form-error-control = يُرجى حذف فواصل الأسطر والرموز الخاصة من هذا الحقل.
form-error-too-long = يُرجى ألا يتجاوز عدد الأحرف { $max }.
form-error-email = يُرجى إدخال بريد إلكتروني صحيح، مثل name@company.com.
form-error-phone = يُرجى إدخال رقم الهاتف مع رمز الدولة، مثل +971 4 555 0100.
form-error-number = يُرجى إدخال عدد صحيح.
form-error-range = يُرجى إدخال رقم من 1 إلى { $max }.
form-error-month = يُرجى إدخال الشهر بصيغة YYYY-MM، مثل 2027-03.
form-error-month-range = يُرجى اختيار شهر يقع بين الشهر الحالي والسنوات العشر المقبلة.
form-error-listing = أحد المواقع أو المشاريع المختارة غير معروف لدينا.
form-error-listings-many = يُرجى ألا يتجاوز عدد المواقع والمشاريع في الاستفسار الواحد { $max }.
form-error-listing-gone = لم يعد { $codes } منشورًا؛ يُرجى حذفه من استفسارك.
form-error-consent = يُرجى إبداء موافقتك ليتمكن المركز من معالجة استفسارك.
form-error-rate-limited = { $minutes ->
    [one] أرسلت عدة استفسارات خلال وقت قصير. يُرجى المحاولة مجددًا بعد دقيقة واحدة، أو مراسلة أحد المكاتب المذكورة في صفحة «اتصل بنا».
    [two] أرسلت عدة استفسارات خلال وقت قصير. يُرجى المحاولة مجددًا بعد دقيقتين، أو مراسلة أحد المكاتب المذكورة في صفحة «اتصل بنا».
    [few] أرسلت عدة استفسارات خلال وقت قصير. يُرجى المحاولة مجددًا بعد { $minutes } دقائق، أو مراسلة أحد المكاتب المذكورة في صفحة «اتصل بنا».
   *[other] أرسلت عدة استفسارات خلال وقت قصير. يُرجى المحاولة مجددًا بعد { $minutes } دقيقة، أو مراسلة أحد المكاتب المذكورة في صفحة «اتصل بنا».
}
form-error-unavailable = تعذّر حفظ استفسارك في الوقت الحالي، ولم تُحفظ أي بيانات؛ يُرجى إرساله مرة أخرى بعد قليل.
investor-type-manufacturer = شركة تصنيع
investor-type-trader = شركة تجارية
investor-type-logistics = شركة خدمات لوجستية
investor-type-developer = مطوّر صناعي
investor-type-fund = صندوق استثماري
investor-type-public = جهة حكومية أو عامة
investor-type-other = أخرى
investment-range-under-1m = أقل من مليون دولار أمريكي
investment-range-1m-5m = من 1 إلى 5 ملايين دولار أمريكي
investment-range-5m-20m = من 5 إلى 20 مليون دولار أمريكي
investment-range-20m-100m = من 20 إلى 100 مليون دولار أمريكي
investment-range-over-100m = أكثر من 100 مليون دولار أمريكي
investment-range-undecided = لم يُحدَّد بعد
heard-from-search = محرك بحث
heard-from-exhibition = معرض أو فعالية تجارية
heard-from-embassy = سفارة أو ملحقية تجارية
heard-from-colleague = زميل أو شريك
heard-from-media = الأخبار ووسائل الإعلام
heard-from-social = وسائل التواصل الاجتماعي
heard-from-other = أخرى
add-to-inquiry = أضف إلى استفساري
remove-from-inquiry = احذف من استفساري
inquiry-basket = { $count ->
    [one] يتضمن استفسارك موقعًا أو مشروعًا واحدًا
   *[other] يتضمن استفسارك { $count } من المواقع والمشاريع
}
inquiry-basket-send = اكتب استفسارك
thanks-title = شكرًا لك، فقد وصل استفسارك إلى المركز
thanks-reference = الرقم المرجعي لاستفسارك: { $reference }.
thanks-next = { $days ->
    [one] سيرد عليك مكتب الاستثمار خلال يوم عمل واحد، باللغة التي اخترتها.
    [two] سيرد عليك مكتب الاستثمار خلال يومَي عمل، باللغة التي اخترتها.
    [few] سيرد عليك مكتب الاستثمار خلال { $days } أيام عمل، باللغة التي اخترتها.
    [many] سيرد عليك مكتب الاستثمار خلال { $days } يوم عمل، باللغة التي اخترتها.
   *[other] سيرد عليك مكتب الاستثمار خلال { $days } يوم عمل، باللغة التي اخترتها.
}
thanks-email = أرسلنا رسالة تأكيد إلى { $email }.
thanks-private = هذه الصفحة خاصة بك: احتفظ بعنوانها لمتابعة استفسارك، ولا تشاركه مع أحد.
thanks-spam-title = شكرًا على رسالتك.
tracking-title = استفسارك رقم { $reference }
tracking-sent-on = تاريخ الإرسال: { $date }
tracking-status = الحالة
tracking-history = سجل الاستفسار
inquiry-status-new = تم الاستلام
inquiry-status-assigned = لدى الموظف المختص
inquiry-status-answered = تم الرد
inquiry-status-closed = مغلق
inquiry-event-received = استلمه المركز
inquiry-event-routed = أُحيل إلى مكتب الاستثمار
inquiry-event-assigned = تولّاه الموظف المختص
inquiry-event-answered = تم الرد
inquiry-event-closed = أُغلق
mail-investor-subject = استفسارك رقم { $reference } لدى مركز آسيا الوسطى للتعاون الصناعي
mail-investor-greeting = السيد/السيدة { $name }،
mail-investor-intro = تحية طيبة وبعد، نشكرك على اهتمامك بالمركز الدولي للتعاون الصناعي «آسيا الوسطى». وقد سُجّل استفسارك تحت الرقم المرجعي { $reference }.
mail-investor-next = { $days ->
    [one] سيرد عليك مكتب الاستثمار خلال يوم عمل واحد.
    [two] سيرد عليك مكتب الاستثمار خلال يومَي عمل.
    [few] سيرد عليك مكتب الاستثمار خلال { $days } أيام عمل.
    [many] سيرد عليك مكتب الاستثمار خلال { $days } يوم عمل.
   *[other] سيرد عليك مكتب الاستثمار خلال { $days } يوم عمل.
}
mail-investor-track = تابع استفسارك عبر صفحتك الخاصة (يُرجى عدم مشاركة هذا الرابط مع أحد):
mail-investor-summary = ما أرسلته إلينا
mail-investor-signoff = فريق الاستثمار في المركز الدولي للتعاون الصناعي «آسيا الوسطى»
