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
