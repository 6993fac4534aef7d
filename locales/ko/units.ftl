## 면적 단위. 각 `-amount` 메시지는 이미 형식이 지정된 숫자에 단위를 붙입니다.
unit-switch-label = 면적 단위
unit-ha = ha
unit-ha-amount = { $amount }ha
unit-m2 = m²
unit-m2-amount = { $amount }m²
unit-mu = 무(亩)
unit-mu-amount = { $amount }무
unit-pyeong = 평
unit-pyeong-amount = { $amount }평

## 통화: 독자가 고른 통화와 금액에 쓰는 통화 이름(main.ftl의 money 참조).
currency-switch-label = 금액 통화
currency-usd = 미국 달러(USD)
currency-usd-unit = 달러
currency-cny = 중국 위안(CNY)
currency-cny-unit = 위안
currency-krw = 한국 원(KRW)
currency-krw-unit = 원
currency-aed = 아랍에미리트 디르함(AED)
currency-aed-unit = 디르함
currency-eur = 유로(EUR)
currency-eur-unit = 유로
currency-kzt = 카자흐스탄 텡게(KZT)
currency-kzt-unit = 텡게
currency-uzs = 우즈베키스탄 숨(UZS)
currency-uzs-unit = 숨
currency-rate-note = 금액은 센터가 { $date }에 정한 환율(1달러 = { $rate }{ $currency })로 미국 달러에서 환산한 것이며, 계약 조건은 미국 달러로 정합니다.
