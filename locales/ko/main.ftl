## 언어 자체: 자국어 이름, 쓰기 방향, 숫자 형식의 기준이 되는 ICU 로캘.
language-name = 한국어
language-direction = ltr
language-number-locale = ko
# Large sums of money are written in the largest of these steps that fits (a million; 亿 or 万).
language-money-scales = 1000000000000 100000000 10000 1

site-name = 중앙아시아 국제산업협력센터
nav-skip-to-content = 본문 바로가기
nav-language = 언어
footer-operator = ‘중앙아시아’ 국제산업협력센터는 카자흐스탄–우즈베키스탄 국경의 아타메켄·굴리스탄 국경검문소에 자리하고 있습니다.
footer-reachable = 이 사이트의 모든 콘텐츠는 센터 자체 서버에서 제공되므로 중국 본토를 포함한 어느 곳에서나 접속할 수 있습니다.

## 방문자에게 보이는 오류 안내.
error-not-found-title = 페이지를 찾을 수 없습니다
error-not-found = 존재하지 않거나 더 이상 게시되지 않는 페이지입니다.
error-gone-title = 더 이상 제공되지 않는 매물입니다
error-gone = 센터가 이 정보를 철회했습니다. 다른 부지와 사업은 목록에서 확인하십시오.
error-bad-request = 요청을 처리할 수 없습니다. 주소를 확인한 뒤 다시 시도해 주십시오.
error-unavailable = 포털을 잠시 이용할 수 없습니다. 몇 분 뒤 다시 시도해 주십시오.
error-internal = 일시적인 오류가 발생했습니다. 담당자에게 자동으로 전달되었으니 잠시 후 다시 시도해 주십시오.
error-cross-origin-title = 요청이 거부되었습니다
error-cross-origin = 이 양식은 다른 웹사이트에서 전송되었기 때문에 포털이 처리하지 않았습니다. 이 사이트의 양식을 이용해 주십시오.
error-too-large-title = 요청이 너무 큽니다
error-too-large = 요청이 포털이 받을 수 있는 크기를 넘어 아무것도 처리되지 않았습니다. 내용을 줄이거나 더 작은 파일을 보내 주십시오.
error-timeout-title = 포털 응답 시간이 초과되었습니다
error-timeout = 포털이 이 요청을 제시간에 끝내지 못했습니다. 잠시 후 다시 시도해 주십시오. 보내신 양식이 이미 도착했을 수 있으며, 도착한 문의는 항상 이메일로 확인해 드립니다.
error-back-home = 홈으로 돌아가기

## Sums, already converted and formatted, in the step named by $scale; $currency is the
## currency's word from units.ftl (currency-*-unit).
money = { $scale ->
    [1000000000000] { $amount }조 { $currency }
    [100000000] { $amount }억 { $currency }
    [10000] { $amount }만 { $currency }
   *[other] { $amount }{ $currency }
}
money-range = { $scale ->
    [1000000000000] { $min }조~{ $max }조 { $currency }
    [100000000] { $min }억~{ $max }억 { $currency }
    [10000] { $min }만~{ $max }만 { $currency }
   *[other] { $min }~{ $max }{ $currency }
}

## 날짜: 월 이름과 연월 형식.
date-month-year = { $year }년 { $month }
date-day-month-year = { $year }년 { $month } { $day }일
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월
