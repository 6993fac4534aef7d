## 투자 관심 표명서 양식, 감사 페이지와 진행 조회 페이지, 투자자에게 보내는 이메일.
inquire-title = 투자 관심 표명
inquire-description = 건설 또는 생산 계획을 센터에 알려 주십시오. 투자 데스크가 귀하의 언어로 답변해 드립니다.
inquire-lead = 필요하신 사항을 알려 주십시오. 센터 투자 데스크가 모든 문의를 직접 검토하고, 담당자가 개별적으로 답변해 드립니다.
inquire-reply-time = { $days ->
    [one] 영업일 기준 { $days }일 이내에 답변해 드립니다.
   *[other] 영업일 기준 { $days }일 이내에 답변해 드립니다.
}
inquire-cta = 투자 관심 표명하기
form-required-note = 필수 입력 항목은 * 표시가 되어 있습니다.
form-name = 성명
form-company = 회사 또는 기관명
form-country = 국가
form-email = 이메일
form-phone = 전화번호(선택)
form-investor-type = 투자자 유형
form-investment-range = 투자 예정 규모
form-need = 필요 사항(선택)
form-need-area = 면적(m²)
form-need-power = 전력(kW)
form-need-start = 착수 시기(월)
form-message = 문의 내용
form-message-hint = 생산 제품, 공장 규모, 추진 일정, 궁금하신 점 등을 적어 주십시오.
form-reply-lang = 답변 언어
form-heard-from = 센터를 어떻게 알게 되셨습니까?
form-choose = 선택하십시오
form-listings = 부지 및 프로젝트
form-website = 이 칸은 비워 두십시오
form-privacy-title = 개인정보 안내
form-privacy-notice = ‘중앙아시아’ 국제산업협력센터는 문의에 답변하기 위해 귀하가 보내신 정보를 보관합니다. 이 정보는 센터의 카자흐스탄 및 우즈베키스탄 투자 데스크와 귀하가 선택하신 각 부지·프로젝트의 담당자에게 제공되므로, 귀하의 개인정보는 국외로 이전됩니다. 정보는 마지막 연락일로부터 3년간 보관한 후 파기하며, 귀하는 언제든지 열람, 정정 또는 삭제를 요청하실 수 있습니다.
form-consent = 본인은 센터가 본인의 문의 내용을 보관하고, 개인정보 처리방침에 따라 답변을 위해 카자흐스탄 및 우즈베키스탄의 투자 데스크와 공유하는 데 동의합니다.
form-submit = 투자 관심 표명서 보내기
form-errors-title = { $count ->
    [one] { $count }개 항목을 수정해 주십시오.
   *[other] { $count }개 항목을 수정해 주십시오.
}
form-error-required = 이 항목을 입력해 주십시오.
form-error-choose = 항목 중 하나를 선택해 주십시오.
form-error-country = 목록에서 국가를 선택해 주십시오.
form-error-control = 이 항목에서 줄바꿈과 특수 문자를 삭제해 주십시오.
form-error-too-long = { $max }자 이내로 입력해 주십시오.
form-error-email = 이메일 주소를 올바른 형식으로 입력해 주십시오(예: name@company.com).
form-error-phone = 국가 번호를 포함하여 전화번호를 입력해 주십시오(예: +82 2 555 0100).
form-error-number = 정수를 입력해 주십시오.
form-error-range = 1부터 { $max }까지의 숫자를 입력해 주십시오.
form-error-month = 연월을 YYYY-MM 형식으로 입력해 주십시오(예: 2027-03).
form-error-month-range = 이번 달부터 10년 이내의 월을 선택해 주십시오.
form-error-listing = 선택하신 항목 중 확인되지 않는 부지 또는 프로젝트가 있습니다.
form-error-listings-many = 한 번의 문의에는 최대 { $max }건까지 포함하실 수 있습니다.
form-error-listing-gone = { $codes } 항목은 더 이상 게시되지 않으니 삭제해 주십시오.
form-error-consent = 센터가 문의를 처리할 수 있도록 동의해 주십시오.
form-error-rate-limited = 짧은 시간 동안 여러 건의 문의를 보내셨습니다. { $minutes }분 후에 다시 시도하시거나, 문의처 페이지에 안내된 투자 데스크로 연락해 주십시오.
form-error-unavailable = 지금은 문의를 저장할 수 없습니다. 아무 정보도 저장되지 않았으니 잠시 후 다시 보내 주십시오.
investor-type-manufacturer = 제조 기업
investor-type-trader = 무역 회사
investor-type-logistics = 물류 회사
investor-type-developer = 산업단지 개발사
investor-type-fund = 투자 펀드
investor-type-public = 정부 또는 공공기관
investor-type-other = 기타
investment-range-under-1m = 100만 달러 미만
investment-range-1m-5m = 100만~500만 달러
investment-range-5m-20m = 500만~2,000만 달러
investment-range-20m-100m = 2,000만~1억 달러
investment-range-over-100m = 1억 달러 초과
investment-range-undecided = 미정
heard-from-search = 검색 엔진
heard-from-exhibition = 박람회 또는 전시회
heard-from-embassy = 대사관 또는 무역관
heard-from-colleague = 동료 또는 협력사
heard-from-media = 뉴스 또는 언론 보도
heard-from-social = 소셜 미디어
heard-from-other = 기타
add-to-inquiry = 문의에 추가
remove-from-inquiry = 문의에서 삭제
inquiry-basket = { $count ->
    [one] 문의에 { $count }건이 담겨 있습니다
   *[other] 문의에 { $count }건이 담겨 있습니다
}
inquiry-basket-send = 문의서 작성하기
thanks-title = 감사합니다. 문의가 센터에 접수되었습니다
thanks-reference = 접수 번호는 { $reference }입니다.
thanks-next = { $days ->
    [one] 투자 데스크가 영업일 기준 { $days }일 이내에 선택하신 언어로 답변해 드립니다.
   *[other] 투자 데스크가 영업일 기준 { $days }일 이내에 선택하신 언어로 답변해 드립니다.
}
thanks-email = { $email } 주소로 확인 메일을 보내 드렸습니다.
thanks-private = 이 페이지는 귀하만 보실 수 있는 전용 페이지입니다. 문의 진행 상황을 확인하실 수 있도록 주소를 보관해 두시고, 다른 사람과 공유하지 마십시오.
thanks-spam-title = 메시지를 보내 주셔서 감사합니다.
tracking-title = 문의 { $reference }
tracking-sent-on = 접수일: { $date }
tracking-status = 처리 상태
tracking-history = 처리 내역
inquiry-status-new = 접수 완료
inquiry-status-assigned = 담당자 검토 중
inquiry-status-answered = 답변 완료
inquiry-status-closed = 종결
inquiry-event-received = 센터 접수
inquiry-event-routed = 투자 데스크로 전달
inquiry-event-assigned = 담당자 배정
inquiry-event-answered = 답변 완료
inquiry-event-closed = 종결
mail-investor-subject = 중앙아시아 국제산업협력센터 문의 접수 안내({ $reference })
mail-investor-greeting = { $name } 님께
mail-investor-intro = ‘중앙아시아’ 국제산업협력센터에 관심을 가져 주셔서 감사합니다. 귀하의 문의가 접수되었으며, 접수 번호는 { $reference }입니다.
mail-investor-next = { $days ->
    [one] 투자 데스크가 영업일 기준 { $days }일 이내에 답변해 드립니다.
   *[other] 투자 데스크가 영업일 기준 { $days }일 이내에 답변해 드립니다.
}
mail-investor-track = 아래 전용 페이지에서 문의 진행 상황을 확인하실 수 있습니다(이 링크는 다른 사람과 공유하지 마십시오):
mail-investor-summary = 보내 주신 내용
mail-investor-signoff = ‘중앙아시아’ 국제산업협력센터 투자팀
