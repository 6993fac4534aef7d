## 语言本身：自称、书写方向、数字格式所依据的 ICU 区域。
language-name = 简体中文
language-direction = ltr
language-number-locale = zh
# Large sums of money are written in the largest of these steps that fits (a million; 亿 or 万).
language-money-scales = 1000000000000 100000000 10000 1

site-name = 中亚国际工业合作中心
nav-skip-to-content = 跳至正文
nav-language = 语言
footer-operator = “中亚”国际工业合作中心，位于哈萨克斯坦与乌兹别克斯坦边境的阿塔梅肯口岸和古利斯坦口岸。
footer-reachable = 本网站所有内容均由中心自有服务器提供，在中国大陆等任何地区均可正常访问。

## 访客可能看到的错误提示。
error-not-found-title = 页面不存在
error-not-found = 该页面不存在或已下线。
error-gone-title = 该项目已不再提供
error-gone = 中心已撤回此信息。其他地块和项目请查看列表。
error-bad-request = 无法识别该请求，请检查网址后重试。
error-unavailable = 门户网站暂时无法访问，请几分钟后再试。
error-internal = 系统出现问题，我们已收到通知，请稍后再试。
error-cross-origin-title = 请求被拒绝
error-cross-origin = 此表单是从其他网站提交的，门户因此未予处理。请使用本网站上的表单。
error-too-large-title = 请求过大
error-too-large = 该请求超出门户可接受的大小，因此未作任何处理。请缩短内容或发送较小的文件。
error-timeout-title = 门户响应超时
error-timeout = 门户未能及时完成此请求。请稍后再试；您提交的表单可能已经送达，已送达的意向咨询一定会通过电子邮件确认。
error-back-home = 返回首页

## Sums, already converted and formatted, in the step named by $scale; $currency is the
## currency's word from units.ftl (currency-*-unit).
money = { $scale ->
    [1000000000000] { $amount } 万亿{ $currency }
    [100000000] { $amount } 亿{ $currency }
    [10000] { $amount } 万{ $currency }
   *[other] { $amount } { $currency }
}
money-range = { $scale ->
    [1000000000000] { $min }–{ $max } 万亿{ $currency }
    [100000000] { $min }–{ $max } 亿{ $currency }
    [10000] { $min }–{ $max } 万{ $currency }
   *[other] { $min }–{ $max } { $currency }
}

## 日期：月份名称及“年月”格式。
date-month-year = { $year }年{ $month }
date-day-month-year = { $year }年{ $month }{ $day }日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
